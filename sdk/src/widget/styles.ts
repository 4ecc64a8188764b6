/**
 * The widget's CSS, attached to its shadow root. `all: initial !important` on the host wins over any
 * host-page rule (important declarations of the inner tree win), so page styles cannot leak in;
 * theming goes through `--pulse-*` custom properties, which `all` leaves alone.
 */
export const styles = `
:host{all:initial!important;--a:var(--pulse-accent,#4338ca);--on-a:var(--pulse-on-accent,#fff);--r:var(--pulse-radius,12px);--f:var(--pulse-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);--bg:var(--pulse-bg,#fff);--fg:var(--pulse-fg,#1b1b1f);--mu:var(--pulse-muted,#5b5e66);--bd:var(--pulse-border,#8b8e97)}
@media(prefers-color-scheme:dark){:host{--a:var(--pulse-accent-dark,#a5b4fc);--on-a:var(--pulse-on-accent-dark,#111);--bg:var(--pulse-bg-dark,#1f2023);--fg:var(--pulse-fg-dark,#f1f1f3);--mu:var(--pulse-muted-dark,#b4b7bf);--bd:var(--pulse-border-dark,#7c7f88)}}
:host([data-inline]){display:block!important}
*{box-sizing:border-box;margin:0;font:inherit;color:inherit}
div{font:15px/1.45 var(--f)}
.card,.tab{position:fixed;z-index:2147483000;background:var(--bg);color:var(--fg);border:1px solid var(--bd)}
.card{right:16px;bottom:calc(16px + var(--kb,0px));width:min(380px,calc(100vw - 32px));max-height:calc(100dvh - 32px - var(--kb,0px));overflow:auto;border-radius:var(--r);box-shadow:0 8px 28px rgba(0,0,0,.18);padding:16px}
.card:has(.two){width:min(560px,calc(100vw - 32px))}
:host([data-inline]) .card{position:static;width:auto;max-height:none;box-shadow:none}
@media(max-width:639px){:host(:not([data-inline])) .card{left:0;right:0;bottom:var(--kb,0px);width:auto;max-height:calc(100dvh - 48px - var(--kb,0px));border-radius:var(--r) var(--r) 0 0;border-width:1px 0 0;padding:16px max(16px,env(safe-area-inset-right)) calc(16px + env(safe-area-inset-bottom)) max(16px,env(safe-area-inset-left))}}
.tab{right:env(safe-area-inset-right);top:50%;min-width:44px;min-height:44px;padding:14px 10px;writing-mode:vertical-rl;transform:translateY(-50%) rotate(180deg);border-radius:0 var(--r) var(--r) 0;border-color:var(--a);background:var(--a);color:var(--on-a);font-weight:600;cursor:pointer}
@media(prefers-reduced-motion:no-preference){.card{animation:in .2s ease-out}@keyframes in{from{opacity:0;transform:translateY(12px)}}}
.top{display:flex;align-items:flex-start;gap:8px}
.q{flex:1;font-weight:600;font-size:16px;padding-top:10px}
.x{flex:none;width:44px;height:44px;margin:-4px -4px 0 0;border:0;border-radius:50%;background:none;cursor:pointer;font-size:24px;line-height:1}
[dir=rtl] .x{margin:-4px 0 0 -4px}
button,input,textarea,label{touch-action:manipulation}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
fieldset{border:0;padding:0;min-width:0;container-type:inline-size}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.scale,.list{display:flex;flex-wrap:wrap;gap:6px;margin-top:12px}
.list{flex-direction:column}
.opt{position:relative;min-height:44px}
.scale .opt{flex:1 0 calc((100% + 6px)/var(--c) - 6.1px);min-width:44px}
.mid{flex-basis:100%;margin:-2px 0 2px;color:var(--mu);font-size:13px}
.two+.ends span:first-child{visibility:hidden}
@container(min-width:524px){.two{flex-wrap:nowrap;gap:4px}.two .opt{flex:1 1 0}.two .mid{display:none}.two+.ends span:first-child{visibility:visible}}
.opt input{position:absolute;inset:0;width:100%;height:100%;opacity:0;margin:0;cursor:pointer}
.opt span{display:flex;align-items:center;justify-content:center;gap:10px;height:100%;min-height:44px;padding:6px;border:1px solid var(--bd);border-radius:calc(var(--r)/2);font-weight:600}
.list span{justify-content:flex-start;padding:8px 12px;font-weight:400}
.list span:before{content:"";flex:none;width:16px;height:16px;border:2px solid;border-radius:50%}
.list [type=checkbox]+span:before{border-radius:4px}
.list :checked+span:before{background:currentColor;box-shadow:inset 0 0 0 3px var(--a)}
.opt :checked+span{background:var(--a);color:var(--on-a);border-color:var(--a)}
.opt :focus-visible+span{outline:3px solid var(--a);outline-offset:2px}
svg{width:30px;height:30px;fill:none;stroke:currentColor;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}
.stars span{border-color:transparent}
.stars .opt :checked+span{background:none;color:var(--a);border-color:transparent}
.stars .opt:has(~.opt :checked) svg,.stars :checked+span svg{fill:var(--a);stroke:var(--a)}
.ends{display:flex;justify-content:space-between;gap:8px;margin-top:6px;color:var(--mu);font-size:13px}
textarea{display:block;width:100%;min-height:88px;margin-top:12px;padding:10px;border:1px solid var(--bd);border-radius:calc(var(--r)/2);background:var(--bg);font-size:16px;resize:vertical}
.row{display:flex;justify-content:flex-end;gap:8px;margin-top:12px}
.b{min-width:44px;min-height:44px;padding:0 18px;border:1px solid var(--a);border-radius:calc(var(--r)/2);background:var(--a);color:var(--on-a);font-weight:600;cursor:pointer}
.b.s{background:none;color:var(--fg);border-color:var(--bd)}
.b:disabled{background:none;color:var(--mu);border-color:var(--bd);cursor:default}
`;
