/** The tag to paste, with the collector's own origin; the write key is the site's (`pk_…`). */
export const TagSnippet = () => (
  <pre class="snippet">
    <code>
      {`<script>window.pulse=window.pulse||function(){(pulse.q=pulse.q||[]).push(arguments)}</script>
<script async src="${location.origin}/sdk/pulse.js" data-site="pk_…"></script>`}
    </code>
  </pre>
);
