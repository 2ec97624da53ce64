/**
 * The HTML report's stylesheet. Screen: a readable column that follows the window; charts are
 * boxes in percent (labels wrap, never shrink); wide tables scroll inside their section with the
 * first column kept in view. Phones (≤ 640 px): a chart row's label goes above its bar. Print (A4):
 * the verdict first, a new page for each section, every table column kept (smaller type, cells
 * wrap, intervals under their rates, header rows repeated on each page), colours printed.
 */
export const REPORT_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:1.5rem auto;max-width:1100px;padding:0 1rem;color:#1f2328;line-height:1.45}
h1{font-size:1.5rem;margin:0 0 .25rem;line-height:1.25}.subtitle{margin:0;color:#57606a}
h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
h3{font-size:1rem;margin:1.25rem 0 .25rem}
.verdict{font-size:1.15rem;font-weight:600;padding:.6rem .9rem;border-radius:6px;margin:1rem 0}
.verdict.pass{background:#dafbe1;color:#1a7f37}.verdict.fail{background:#ffebe9;color:#cf222e}
.meta{color:#57606a;font-size:.9rem;padding-left:1.2rem}.meta li{margin:.1rem 0}p.meta{padding-left:0}
.open{background:#fff8c5;padding:.5rem .8rem;border-radius:6px}
.key{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem}
.table-wrap{overflow-x:auto;max-width:100%;margin:.5rem 0 1rem;-webkit-overflow-scrolling:touch}
table{border-collapse:separate;border-spacing:0;font-size:.85rem;min-width:100%}
th,td{border-right:1px solid #d0d7de;border-bottom:1px solid #d0d7de;padding:.25rem .45rem;text-align:right;vertical-align:top}
tr>:first-child{border-left:1px solid #d0d7de}table tr:first-child>*{border-top:1px solid #d0d7de}
.verdicts table{display:block;overflow-x:auto;max-width:100%;width:auto;min-width:0}.verdicts td.name{min-width:7em}
th{background:#f6f8fa;font-weight:600;text-align:center;vertical-align:bottom;min-width:3.5em}
td{white-space:nowrap}td.name{text-align:left;white-space:normal;min-width:6em;overflow-wrap:anywhere}
td .ci{display:block}
tr>:first-child{position:sticky;left:0;z-index:1;background:#fff}thead tr>:first-child{background:#f6f8fa}
tr.group th{text-align:left;background:#eef1f4;position:static}
td.pass{color:#1a7f37}td.fail{color:#cf222e;font-weight:600}td.close-pass{color:#9a6700;background:#fff8c5}td.close-fail{color:#cf222e;background:#fff8c5;font-weight:600}td.none{color:#6e7781}
.ci{color:#57606a;font-size:.8em;font-weight:400}
figure{margin:.5rem 0 1.5rem}figcaption{font-size:.95rem;margin-bottom:.25rem}
.chart{font-size:.85rem;display:grid;grid-template-columns:fit-content(35%) minmax(0,1fr) max-content;gap:0 .6rem}
.crow{grid-column:1/-1;display:grid;grid-template-columns:subgrid;align-items:center;min-height:1.35rem;break-inside:avoid}
.crow.gap{margin-top:.6rem}.crow.rollup .clabel{font-weight:600}
.clabel{text-align:right;line-height:1.2;padding:.1rem 0;overflow-wrap:anywhere}
.cval{white-space:nowrap;font-variant-numeric:tabular-nums}
.track{position:relative;height:1.35rem;margin:0 .5rem;background:linear-gradient(#eaeef2,#eaeef2) center/100% 1px no-repeat}
.axis .track{height:1.2rem;background:none;color:#57606a}
.tick{position:absolute;bottom:0;transform:translateX(-50%);white-space:nowrap;font-size:.8em}
.tick.first{transform:none}.tick.last{transform:translateX(-100%)}
.thr{position:absolute;top:0;bottom:0;left:var(--thr);border-left:1.5px dashed #cf222e}
.iv{position:absolute;top:calc(50% - 1px);height:2px;min-width:2px}
.pt{position:absolute;top:50%;width:.6rem;height:.6rem;border-radius:50%;transform:translate(-50%,-50%)}
.pt.dia{border-radius:1px;transform:translate(-50%,-50%) rotate(45deg)}
.chart,.chart *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media (max-width:640px){
body{margin:.75rem auto;padding:0 .6rem}h1{font-size:1.25rem}
.chart{display:block}
.crow{grid-template-columns:minmax(0,1fr) max-content;grid-template-areas:"label val" "track track";gap:0 .6rem;margin-bottom:.2rem}
.crow .clabel{grid-area:label;text-align:left}.crow .cval{grid-area:val}.crow .track{grid-area:track}
.crow.axis{grid-template-areas:"track track"}.crow.axis .clabel,.crow.axis .cval{display:none}
}
@page{size:A4;margin:12mm 10mm}
@media print{
body{margin:0;max-width:none;padding:0;font-size:9.5pt}
section{break-before:auto;margin-top:14pt}h2{margin-top:0;break-after:avoid}h3{break-after:avoid}.note,.meta{break-inside:avoid}figcaption{break-after:avoid}
.table-wrap{overflow:visible}
table{font-size:7pt;width:100%;min-width:0}
th,td{white-space:normal;padding:1px 2px;overflow-wrap:normal;word-break:normal}
td .ci{white-space:nowrap}
thead{display:table-header-group}tr{break-inside:avoid}
tr>:first-child{position:static}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
