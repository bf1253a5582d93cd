// Exports one bench figure: its data as CSV (the very points the plot draws) and the drawn plot as SVG or PNG, with
// the page's styles written into the SVG so the file looks as it does on screen. Leaves out: the legend and caption
// (the file name and CSV header carry the labels).

export interface CsvSeries {
  readonly label: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** series,x,y — one row per plotted point, full precision, in the order the plot draws them. */
export function figureCsv(xLabel: string, yLabel: string, series: readonly CsvSeries[]): string {
  const rows = [['series', xLabel, yLabel].map(csvField).join(',')];
  for (const s of series) for (const p of s.points) rows.push([csvField(s.label), String(p.x), String(p.y)].join(','));
  return `${rows.join('\n')}\n`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const INLINED_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'fill-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display'] as const;

/** The plot's SVG as a standalone document: computed styles inlined, a background rectangle, the cursor removed. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  originals.forEach((element, index) => {
    const copy = copies[index];
    if (!copy) return;
    const style = getComputedStyle(element);
    const inline = INLINED_PROPERTIES.map((name) => `${name}:${style.getPropertyValue(name)}`).join(';');
    copy.setAttribute('style', inline);
    copy.removeAttribute('class');
  });
  clone.querySelectorAll('[tabindex]').forEach((element) => element.removeAttribute('tabindex'));
  clone.removeAttribute('tabindex');
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(document.body).backgroundColor || '#fff');
  clone.insertBefore(background, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** The standalone SVG drawn at 2× onto a canvas, as PNG (through a data: URL, which the page's img-src allows). */
export async function svgToPng(svgText: string, widthPx: number, heightPx: number): Promise<Blob> {
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the plot could not be drawn as an image'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await loaded;
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(widthPx * scale);
  canvas.height = Math.round(heightPx * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser gave no canvas to draw on');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, widthPx, heightPx);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png'));
}
