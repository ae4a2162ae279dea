// Importers of pre-aligned corpora in the formats twintext exports (TMX and TSV), for round trips and re-imports.
import { SaxesParser } from 'saxes';
import { InputError } from '../core/types.ts';
import { TABULAR_COLUMNS } from './export/tabular.ts';
import type { ExportFlag, ExportUnit } from './export/types.ts';

export interface AlignedTmxUnit {
  src: string;
  tgt: string;
  props: Record<string, string>;
  notes: string[];
}

export interface AlignedTmx {
  srcLang: string;
  tgtLang: string;
  units: AlignedTmxUnit[];
}

/**
 * Parses a bilingual TMX: the header's srclang picks the source variant of
 * each <tu>, the other variant is the target. Inline markup inside <seg>
 * (bpt/ept/ph…) contributes its text only.
 */
export function parseTmx(xml: string): AlignedTmx {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let srcLang = '';
  let tgtLang = '';
  const units: AlignedTmxUnit[] = [];
  let tuvs: { lang: string; seg: string }[] = [];
  let props: Record<string, string> = {};
  let notes: string[] = [];
  let text = '';
  let inSeg = 0;
  let capture: 'prop' | 'note' | null = null;
  let propType = '';
  let tuvLang = '';
  let inTu = false;

  parser.on('opentag', (tag) => {
    const attr = (n: string): string => {
      const v: unknown = tag.attributes[n];
      return typeof v === 'string' ? v : '';
    };
    switch (tag.name) {
      case 'header':
        srcLang = attr('srclang');
        break;
      case 'tu':
        inTu = true;
        tuvs = [];
        props = {};
        notes = [];
        break;
      case 'tuv':
        tuvLang = attr('xml:lang') || attr('lang');
        break;
      case 'seg':
        inSeg++;
        if (inSeg === 1) text = '';
        break;
      case 'prop':
        if (inTu && inSeg === 0) {
          capture = 'prop';
          propType = attr('type');
          text = '';
        }
        break;
      case 'note':
        if (inTu && inSeg === 0) {
          capture = 'note';
          text = '';
        }
        break;
    }
  });
  parser.on('text', (t) => {
    if (inSeg > 0 || capture) text += t;
  });
  parser.on('cdata', (t) => {
    if (inSeg > 0 || capture) text += t;
  });
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'seg':
        inSeg--;
        if (inSeg === 0) tuvs.push({ lang: tuvLang, seg: text });
        break;
      case 'prop':
        if (capture === 'prop') props[propType] = text;
        capture = null;
        break;
      case 'note':
        if (capture === 'note') notes.push(text);
        capture = null;
        break;
      case 'tu': {
        inTu = false;
        const src = tuvs.find((t) => sameLang(t.lang, srcLang)) ?? tuvs[0];
        const tgt = tuvs.find((t) => t !== src);
        if (!src || !tgt) break;
        if (!tgtLang) tgtLang = tgt.lang;
        if (!srcLang) srcLang = src.lang;
        units.push({ src: src.seg, tgt: tgt.seg, props, notes });
        break;
      }
    }
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    throw new InputError(`malformed TMX: ${(err as Error).message}`, 'bad_tmx');
  }
  if (!srcLang) throw new InputError('malformed TMX: no header srclang and no translation units', 'bad_tmx');
  return { srcLang, tgtLang, units };
}

function sameLang(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.split('-')[0] === y.split('-')[0];
}

function unescapeTsvField(s: string): string {
  return s.replace(/\\([\\tnr])/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : '\\'));
}

function numbers(s: string, where: string): number[] {
  if (s === '') return [];
  return s.split(',').map((p) => {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1) throw new InputError(`${where}: bad paragraph number "${p}"`, 'bad_tsv');
    return n;
  });
}

export interface AlignedTsv {
  srcLang: string;
  tgtLang: string;
  units: ExportUnit[];
}

/** Parses the TSV that writeTsv produces (header line required; columns found by name). */
export function parseTsv(text: string): AlignedTsv {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const header = (lines[0] ?? '').split('\t');
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  for (const required of ['src_lang', 'tgt_lang', 'src', 'tgt'] as const) {
    if (!col.has(required)) throw new InputError(`TSV header lacks the "${required}" column (expected ${TABULAR_COLUMNS.join(', ')})`, 'bad_tsv');
  }
  const units: ExportUnit[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split('\t');
    const where = `TSV line ${i + 1}`;
    if (cells.length !== header.length) {
      throw new InputError(`${where}: ${cells.length} fields, the header has ${header.length}`, 'bad_tsv');
    }
    const get = (name: string): string => {
      const k = col.get(name);
      return k === undefined ? '' : unescapeTsvField(cells[k] ?? '');
    };
    const int = (name: string): number => {
      const v = get(name);
      const n = Number(v);
      if (v === '' || !Number.isFinite(n)) throw new InputError(`${where}: bad ${name} "${v}"`, 'bad_tsv');
      return n;
    };
    const status = get('status') || 'auto';
    if (status !== 'auto' && status !== 'confirmed') throw new InputError(`${where}: bad status "${status}"`, 'bad_tsv');
    let flags: ExportFlag[] = [];
    const rawFlags = get('flags');
    if (rawFlags) {
      try {
        flags = JSON.parse(rawFlags) as ExportFlag[];
      } catch {
        throw new InputError(`${where}: flags column is not JSON`, 'bad_tsv');
      }
    }
    units.push({
      srcLang: get('src_lang'),
      tgtLang: get('tgt_lang'),
      src: get('src'),
      tgt: get('tgt'),
      statementId: col.has('statement_id') ? int('statement_id') : 0,
      title: get('title'),
      date: get('date') === '' ? null : get('date'),
      beadId: col.has('bead_id') ? int('bead_id') : i,
      position: col.has('position') ? int('position') : i,
      srcParagraphs: numbers(get('src_paragraphs'), where),
      tgtParagraphs: numbers(get('tgt_paragraphs'), where),
      status,
      confidence: col.has('confidence') && get('confidence') !== '' ? int('confidence') : 0,
      flags,
    });
  }
  const first = units[0];
  return { srcLang: first?.srcLang ?? '', tgtLang: first?.tgtLang ?? '', units };
}
