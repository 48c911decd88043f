/**
 * The widget's stylesheet, adopted into its shadow root as a constructable
 * stylesheet (CSP style-src does not govern those). `:host` rules are
 * !important on purpose: for important declarations the shadow tree's own
 * rules win over the page's, so `* { all: unset !important }` on the page
 * cannot move, hide or restyle the host.
 */
export const css = `
:host{all:initial!important;display:block!important;position:fixed!important;inset:auto!important;width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;overflow:visible!important;visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important;z-index:2147483000!important;pointer-events:auto!important;contain:none!important}
.fd{--bg:#fff;--fg:#1d2433;--mut:#5f6b7d;--line:#e3e7ee;--in:#f1f3f7;--bad:#c7271b;font:400 14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);text-align:left;letter-spacing:normal;-webkit-font-smoothing:antialiased;direction:ltr}
@media (prefers-color-scheme:dark){.fd{--bg:#16181d;--fg:#eceef3;--mut:#a3acba;--line:#2c313b;--in:#242830;--bad:#ff8a80}.p{box-shadow:0 20px 60px rgba(0,0,0,.5),0 0 0 1px rgba(255,255,255,.09)}.bd{border-color:#16181d}}
*{box-sizing:border-box;margin:0;padding:0;font:inherit;color:inherit;background:none;border:0}
[hidden]{display:none!important}
button{cursor:pointer;-webkit-tap-highlight-color:transparent}
button:disabled{cursor:default;opacity:.45}
svg{display:block;flex:none}
:focus{outline:none}
:focus-visible{outline:2px solid var(--a);outline-offset:2px}
.l{position:fixed;bottom:20px;right:20px;width:60px;height:60px;border-radius:50%;background:var(--a);color:var(--on);display:grid;place-items:center;box-shadow:0 8px 24px rgba(16,24,40,.22),0 2px 6px rgba(16,24,40,.12);transition:transform .18s ease,box-shadow .18s ease}
.l:hover{transform:scale(1.06);box-shadow:0 10px 30px rgba(16,24,40,.28),0 3px 8px rgba(16,24,40,.14)}
.l:active{transform:scale(.96)}
.l svg{width:28px;height:28px;animation:sp .25s ease}
.l .i2,.o .l .i1{display:none}
.o .l .i2{display:block}
@keyframes sp{from{opacity:0;transform:rotate(-60deg) scale(.6)}}
.left .l{right:auto;left:20px}
.bd{position:absolute;top:-3px;right:-3px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#d92d20;color:#fff;font-size:12px;font-weight:700;line-height:18px;text-align:center;border:2px solid #fff}
.p{position:fixed;bottom:92px;right:20px;width:384px;height:min(660px,calc(100vh - 112px));display:none;flex-direction:column;overflow:hidden;background:var(--bg);border-radius:20px;box-shadow:0 20px 60px rgba(16,24,40,.22),0 4px 14px rgba(16,24,40,.10),0 0 0 1px rgba(16,24,40,.04);transform-origin:bottom right;animation:in .24s cubic-bezier(.2,.9,.3,1)}
.left .p{right:auto;left:20px;transform-origin:bottom left}
.o .p{display:flex}
@keyframes in{from{opacity:0;transform:translateY(14px) scale(.97)}}
.h{position:relative;display:flex;align-items:center;gap:12px;padding:20px 14px 20px 20px;background:var(--a) linear-gradient(160deg,rgba(255,255,255,.16),rgba(255,255,255,0) 65%);color:var(--on)}
.av{position:relative;flex:none;width:42px;height:42px;border-radius:50%;display:grid;place-items:center;font-size:17px;font-weight:650;background:rgba(255,255,255,.2);box-shadow:inset 0 0 0 1px rgba(255,255,255,.25)}
.la .av{background:rgba(0,0,0,.12)}
.av::after{content:"";position:absolute;right:-1px;bottom:-1px;width:12px;height:12px;border-radius:50%;background:#98a2b3;box-shadow:0 0 0 2px var(--a)}
.on .av::after{background:#22c55e}
.ht{flex:1;min-width:0}
h2{font-size:16.5px;font-weight:650;line-height:1.25;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.st{font-size:13px;opacity:.9;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;margin-top:2px}
.x{flex:none;width:38px;height:38px;border-radius:12px;display:grid;place-items:center}
.x:hover{background:rgba(255,255,255,.16)}
.la .x:hover{background:rgba(0,0,0,.1)}
.x svg{width:22px;height:22px}
.h :focus-visible{outline-color:currentColor}
.n{padding:9px 16px;font-size:12.5px;text-align:center;color:var(--mut);background:var(--in);border-bottom:1px solid var(--line)}
.b{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:18px 16px 10px;scrollbar-width:thin;display:flex;flex-direction:column}
.lg{display:flex;flex-direction:column}
.b>:nth-child(2){margin-top:auto}
.iv{display:flex;flex-direction:column;align-items:center;gap:4px;padding:10px 0 22px;text-align:center;font-size:13px;color:var(--mut)}
.iv .av{width:56px;height:56px;font-size:22px;margin-bottom:8px;background:var(--a);color:var(--on);box-shadow:0 4px 14px var(--ring)}
.iv .av::after{display:none}
.iv b{font-size:15px;font-weight:650;color:var(--fg)}
.r{display:flex;flex-direction:column;align-items:flex-start;max-width:84%;margin-top:10px}
.r.c{margin-top:3px}
.r.visitor{align-self:flex-end;align-items:flex-end}
.who{font-size:12px;color:var(--mut);margin:0 6px 4px}
.bu{padding:9px 14px;border-radius:18px;background:var(--in);white-space:pre-wrap;overflow-wrap:anywhere}
.agent .bu{border-bottom-left-radius:6px}
.visitor .bu{background:var(--a);color:var(--on);border-bottom-right-radius:6px}
.sending .bu{opacity:.7}
.failed .bu{box-shadow:0 0 0 1.5px var(--bad)}
.bu a{text-decoration:underline;text-underline-offset:2px;overflow-wrap:anywhere}
.m{font-size:11.5px;color:var(--mut);margin:4px 6px 0}
.failed .m{color:var(--bad)}
.r.system{align-self:stretch;max-width:none;align-items:center;margin:14px 0 4px}
.system .bu{background:none;padding:0 12px;font-size:12.5px;color:var(--mut);text-align:center}
.system .m{display:none}
.ty{display:flex;align-items:center;gap:8px;margin:10px 0 0;font-size:12.5px;color:var(--mut)}
.dots{display:inline-flex;gap:4px;padding:12px 14px;border-radius:18px;border-bottom-left-radius:6px;background:var(--in)}
.dots i{width:6px;height:6px;border-radius:50%;background:var(--mut);animation:bl 1.2s infinite ease-in-out}
.dots i:nth-child(2){animation-delay:.15s}
.dots i:nth-child(3){animation-delay:.3s}
@keyframes bl{0%,60%,100%{opacity:.35;transform:none}30%{opacity:1;transform:translateY(-3px)}}
.cd{margin:14px 0 6px;padding:18px;display:flex;flex-direction:column;gap:12px;border:1px solid var(--line);border-radius:16px;background:var(--bg);box-shadow:0 2px 8px rgba(16,24,40,.06)}
.cd h3{font-size:15px;font-weight:650}
.cd p{color:var(--mut);font-size:13.5px}
label{display:flex;flex-direction:column;gap:5px;font-size:13px;font-weight:600}
label small{font-weight:400;color:var(--mut)}
input,textarea{width:100%;padding:10px 12px;border:1px solid var(--line);border-radius:12px;background:var(--bg);font-weight:400;font-size:14px;line-height:1.4;resize:none;transition:border-color .15s}
input:focus,.cd textarea:focus{border-color:var(--a);outline:2px solid var(--a);outline-offset:-1px}
.er{font-size:12px;font-weight:500;color:var(--bad)}
.bt{padding:11px 16px;border-radius:12px;background:var(--a);color:var(--on);font-weight:600;transition:filter .15s}
.bt:hover{filter:brightness(1.08)}
.sr{display:flex;justify-content:center;gap:4px}
.sr button{width:42px;height:42px;border-radius:10px;display:grid;place-items:center;color:var(--line);transition:transform .12s,color .12s}
.sr button:hover{transform:scale(1.12)}
.sr .lit{color:#f5a524}
.sr svg{width:30px;height:30px}
.k{display:flex;align-items:flex-end;gap:8px;margin:0 12px 12px;padding:6px 6px 6px 16px;border:1px solid var(--line);border-radius:22px;background:var(--bg);transition:border-color .15s,box-shadow .15s}
.k:focus-within{border-color:var(--a);box-shadow:0 0 0 3px var(--ring)}
.k textarea{flex:1;min-height:34px;max-height:130px;padding:7px 0;border:0;border-radius:0;background:none;outline:none}
.k textarea::placeholder,input::placeholder{color:var(--mut);opacity:1}
.sd{flex:none;width:36px;height:36px;border-radius:50%;display:grid;place-items:center;background:var(--a);color:var(--on);transition:opacity .15s,transform .15s}
.sd svg{width:18px;height:18px}
.sd:not(:disabled):hover{transform:scale(1.06)}
.ft{padding:0 0 10px;text-align:center;font-size:11px;color:var(--mut)}
@media (max-width:767px){.p{inset:0;width:auto;height:auto;border-radius:0;animation-name:up}.o .l{display:none}@keyframes up{from{opacity:0;transform:translateY(24px)}}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`;
