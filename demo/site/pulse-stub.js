// The Pulse stub as a file, for pages whose Content-Security-Policy allows no inline script.
window.pulse =
  window.pulse ||
  function () {
    (window.pulse.q = window.pulse.q || []).push(arguments);
  };
