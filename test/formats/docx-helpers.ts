// Test helper: builds minimal .docx archives in memory (a docx is a zip of a few XML parts).
import { strToU8, zipSync } from 'fflate';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';

const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function buildDocx(paragraphs: string[]): Uint8Array {
  const body = paragraphs
    .map((p) => (p === '' ? '<w:p/>' : `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`))
    .join('');
  return buildDocxFromBody(body);
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** The root element of each extra part of word/, by part name. */
const PART_ROOTS: Record<string, string> = {
  numbering: 'w:numbering',
  styles: 'w:styles',
  footnotes: 'w:footnotes',
  endnotes: 'w:endnotes',
  header1: 'w:hdr',
  footer1: 'w:ftr',
};

const PART_TYPES: Record<string, string> = { header1: 'header', footer1: 'footer' };

/**
 * A .docx whose <w:body> is the given WordprocessingML, as written (runs with breaks, tabs…), with
 * extra parts of word/ (numbering, styles, footnotes, endnotes, header1, footer1), each given as
 * the children of its root element and related to the document as Word relates them.
 */
export function buildDocxFromBody(body: string, parts: Record<string, string> = {}): Uint8Array {
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:document ${W_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<w:body>${body}</w:body></w:document>`;
  const word: Record<string, Uint8Array | Record<string, Uint8Array>> = { 'document.xml': strToU8(document) };
  const rels: string[] = [];
  for (const [name, inner] of Object.entries(parts)) {
    const root = PART_ROOTS[name];
    if (!root) throw new Error(`no such part: ${name}`);
    word[`${name}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${root} ${W_NS}>${inner}</${root}>`);
    const type = PART_TYPES[name] ?? name;
    rels.push(`<Relationship Id="rId${name}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${name}.xml"/>`);
  }
  if (rels.length) {
    word['_rels'] = {
      'document.xml.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
      ),
    };
  }
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    _rels: { '.rels': strToU8(RELS) },
    word,
  });
}

/** A paragraph of one run of text (escaped), with the list numbering and paragraph style given. */
export function para(text: string, opts: { num?: [numId: number, ilvl: number]; style?: string } = {}): string {
  const props =
    (opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '') +
    (opts.num ? `<w:numPr><w:ilvl w:val="${opts.num[1]}"/><w:numId w:val="${opts.num[0]}"/></w:numPr>` : '');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
}

/**
 * numbering.xml's content: for each list, its levels as [numFmt, lvlText] from level 0 down, each
 * level starting at 1. The abstract numbering and the num share the list's id.
 */
export function numbering(lists: Record<number, [format: string, text: string][]>): string {
  let abstracts = '';
  let nums = '';
  for (const [id, levels] of Object.entries(lists)) {
    abstracts +=
      `<w:abstractNum w:abstractNumId="${id}">` +
      levels
        .map(([format, text], i) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${escape(text)}"/></w:lvl>`)
        .join('') +
      '</w:abstractNum>';
    nums += `<w:num w:numId="${id}"><w:abstractNumId w:val="${id}"/></w:num>`;
  }
  return abstracts + nums;
}

/** Rewrites every central-directory entry's declared uncompressed size, as a zip bomb's header would claim. */
export function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}
