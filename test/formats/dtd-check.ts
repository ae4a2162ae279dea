// Test helper: a small DTD validator (element content models, required/enumerated/fixed attributes) for machines without xmllint.
import { SaxesParser } from 'saxes';

interface ElementDecl {
  kind: 'empty' | 'any' | 'mixed' | 'children';
  names: Set<string>;
  pattern: RegExp | null;
}

interface AttrDecl {
  enumeration: string[] | null;
  required: boolean;
  fixed: string | null;
}

function parseDtd(dtd: string): { elements: Map<string, ElementDecl>; attrs: Map<string, Map<string, AttrDecl>> } {
  let text = dtd.replace(/<!--[\s\S]*?-->/g, ' ');
  const entities = new Map<string, string>();
  for (const m of text.matchAll(/<!ENTITY\s+%\s+([\w.-]+)\s+"([^"]*)"\s*>/g)) entities.set(m[1]!, m[2]!);
  text = text.replace(/%([\w.-]+);/g, (all, name: string) => entities.get(name) ?? all);

  const elements = new Map<string, ElementDecl>();
  for (const m of text.matchAll(/<!ELEMENT\s+([\w.:-]+)\s+([^>]+)>/g)) {
    const model = m[2]!.trim();
    const names = new Set(model.match(/[A-Za-z_][\w.:-]*/g)?.filter((n) => n !== 'EMPTY' && n !== 'ANY') ?? []);
    if (model === 'EMPTY') elements.set(m[1]!, { kind: 'empty', names, pattern: null });
    else if (model === 'ANY') elements.set(m[1]!, { kind: 'any', names, pattern: null });
    else if (model.includes('#PCDATA')) {
      names.delete('PCDATA');
      elements.set(m[1]!, { kind: 'mixed', names, pattern: null });
    } else {
      const source = model.replace(/[A-Za-z_][\w.:-]*|[(),|?*+]|\s+/g, (t) =>
        /^\s+$/.test(t) ? '' : t === '(' ? '(?:' : t === ',' ? '' : /^[)|?*+]$/.test(t) ? t : `(?:${t.replace(/[.]/g, '\\.')},)`,
      );
      elements.set(m[1]!, { kind: 'children', names, pattern: new RegExp(`^${source}$`) });
    }
  }

  const attrs = new Map<string, Map<string, AttrDecl>>();
  for (const m of text.matchAll(/<!ATTLIST\s+([\w.:-]+)([^>]*)>/g)) {
    const decls = attrs.get(m[1]!) ?? new Map<string, AttrDecl>();
    const body = m[2]!;
    const re = /([\w.:-]+)\s+(CDATA|NMTOKENS?|IDREFS?|ID|ENTITY|ENTITIES|\([^)]*\))\s+(#REQUIRED|#IMPLIED|#FIXED\s+"[^"]*"|"[^"]*")/g;
    for (const a of body.matchAll(re)) {
      const type = a[2]!;
      const dflt = a[3]!;
      decls.set(a[1]!, {
        enumeration: type.startsWith('(') ? type.slice(1, -1).split('|').map((s) => s.trim()) : null,
        required: dflt === '#REQUIRED',
        fixed: dflt.startsWith('#FIXED') ? /"([^"]*)"/.exec(dflt)![1]! : null,
      });
    }
    attrs.set(m[1]!, decls);
  }
  return { elements, attrs };
}

/** Returns the validity errors of `xml` against `dtd` (empty when valid). */
export function checkAgainstDtd(xml: string, dtd: string, root: string): string[] {
  const { elements, attrs } = parseDtd(dtd);
  const errors: string[] = [];
  const stack: { name: string; children: string[]; text: boolean }[] = [];
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('opentag', (tag) => {
    const where = `line ${parser.line}: <${tag.name}>`;
    if (stack.length === 0 && tag.name !== root) errors.push(`${where}: root must be <${root}>`);
    stack[stack.length - 1]?.children.push(tag.name);
    if (!elements.has(tag.name)) errors.push(`${where}: element not declared`);
    const declared = attrs.get(tag.name) ?? new Map<string, AttrDecl>();
    const given = tag.attributes as Record<string, string>;
    for (const [name, value] of Object.entries(given)) {
      const d = declared.get(name);
      if (!d) errors.push(`${where}: attribute ${name} not declared`);
      else if (d.enumeration && !d.enumeration.includes(value)) errors.push(`${where}: ${name}="${value}" not in (${d.enumeration.join('|')})`);
      else if (d.fixed !== null && d.fixed !== value) errors.push(`${where}: ${name} must be "${d.fixed}"`);
    }
    for (const [name, d] of declared) if (d.required && !(name in given)) errors.push(`${where}: required attribute ${name} missing`);
    stack.push({ name: tag.name, children: [], text: false });
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top && t.trim() !== '') top.text = true;
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    const decl = elements.get(el.name);
    if (!decl) return;
    const where = `<${el.name}>`;
    if (decl.kind === 'empty' && (el.children.length || el.text)) errors.push(`${where}: must be empty`);
    if (decl.kind === 'mixed') for (const c of el.children) if (!decl.names.has(c)) errors.push(`${where}: <${c}> not allowed`);
    if (decl.kind === 'children') {
      if (el.text) errors.push(`${where}: text not allowed`);
      if (!decl.pattern!.test(el.children.map((c) => c + ',').join(''))) errors.push(`${where}: children (${el.children.join(', ')}) do not match the content model`);
    }
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    errors.push(`not well-formed: ${(err as Error).message}`);
  }
  return errors;
}
