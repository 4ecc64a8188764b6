/**
 * The widget's CSS, attached to its shadow root. `all: initial !important` on the host wins over any
 * host-page rule (important declarations of the inner tree win), so page styles cannot leak in;
 * theming goes through `--pulse-*` custom properties, which `all` leaves alone.
 */
export const styles = `
:host{all:initial!important;--a:var(--pulse-accent,#4338ca);--on-a:var(--pulse-on-accent,#fff);--r:var(--pulse-radius,12px);--f:var(--pulse-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);--bg:var(--pulse-bg,#fff);--fg:var(--pulse-fg,#1b1b1f);--mu:var(--pulse-muted,#5b5e66);--bd:var(--pulse-border,#c9cad1)}
@media(prefers-color-scheme:dark){:host{--a:var(--pulse-accent-dark,#a5b4fc);--on-a:var(--pulse-on-accent-dark,#111);--bg:var(--pulse-bg-dark,#1f2023);--fg:var(--pulse-fg-dark,#f1f1f3);--mu:var(--pulse-muted-dark,#b4b7bf);--bd:var(--pulse-border-dark,#4a4c52)}}
:host([data-inline]){display:block!important}
*{box-sizing:border-box;margin:0;font:inherit;color:inherit}
.card{position:fixed;z-index:2147483000;right:16px;bottom:calc(16px + var(--kb,0px));width:min(380px,calc(100vw - 32px));max-height:calc(100dvh - 32px - var(--kb,0px));overflow:auto;background:var(--bg);color:var(--fg);font:15px/1.45 var(--f);border:1px solid var(--bd);border-radius:var(--r);box-shadow:0 8px 28px rgba(0,0,0,.18);padding:16px}
[data-inline] .card{position:static;width:auto;max-height:none;box-shadow:none}
@media(max-width:639px){:host(:not([data-inline])) .card{left:0;right:0;bottom:var(--kb,0px);width:auto;border-radius:var(--r) var(--r) 0 0;border-width:1px 0 0;padding:16px max(16px,env(safe-area-inset-right)) calc(16px + env(safe-area-inset-bottom)) max(16px,env(safe-area-inset-left))}}
@media(prefers-reduced-motion:no-preference){.card{animation:in .2s ease-out}@keyframes in{from{opacity:0;transform:translateY(12px)}}}
.top{display:flex;align-items:flex-start;gap:8px}
.q{flex:1;font-weight:600;font-size:16px;padding-top:10px}
.x{flex:none;width:44px;height:44px;margin:-4px -8px 0 0;border:0;border-radius:50%;background:none;cursor:pointer;font-size:24px;line-height:1}
button,input,textarea,label{touch-action:manipulation}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
fieldset{border:0;padding:0;min-width:0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.scale{display:flex;flex-wrap:wrap;gap:6px;margin-top:12px}
.opt{position:relative;flex:1 0 44px;min-height:44px}
.opt input{position:absolute;inset:0;opacity:0;margin:0;cursor:pointer}
.opt span{display:flex;align-items:center;justify-content:center;height:100%;min-height:44px;border:1px solid var(--bd);border-radius:calc(var(--r)/2);font-weight:600}
.opt input:checked+span{background:var(--a);color:var(--on-a);border-color:var(--a)}
.opt input:focus-visible+span{outline:3px solid var(--a);outline-offset:2px}
@media(max-width:479px){.n11 .opt{flex-basis:calc((100% - 30px)/6)}}
.ends{display:flex;justify-content:space-between;gap:8px;margin-top:6px;color:var(--mu);font-size:13px}
textarea{display:block;width:100%;min-height:88px;margin-top:12px;padding:10px;border:1px solid var(--bd);border-radius:calc(var(--r)/2);background:var(--bg);font-size:16px;resize:vertical}
.row{display:flex;justify-content:flex-end;gap:8px;margin-top:12px}
.b{min-width:44px;min-height:44px;padding:0 18px;border:1px solid var(--a);border-radius:calc(var(--r)/2);background:var(--a);color:var(--on-a);font-weight:600;cursor:pointer}
.b.s{background:none;color:var(--fg);border-color:var(--bd)}
.b:disabled{opacity:.5;cursor:default}
`;
