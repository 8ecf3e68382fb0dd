#!/usr/bin/env node
// Test-only: parses PowerShell with tree-sitter-powershell (wasm, through web-tree-sitter) and
// prints what the parser found as JSON. Used by nodegroup/userdata/windows_test.go.
//
//   node parse.js [--no-repair] < script.ps1     one document, pretty-printed JSON
//   node parse.js --serve                        one request per line on stdin,
//                                                {"src": "...", "repair": true}, one line of
//                                                JSON per request on stdout
//
// The result:
//   errors             every ERROR and MISSING node, and every empty token (note 5): position,
//                      text, the text around it
//   quoteDisagreements places where PowerShell's own tokenizer reads quotes differently from the
//                      grammar (see below); a document with any is not what PowerShell runs
//   statements         the top-level statements
//   comments           every comment
//   commands           every command invocation, at any depth: name, parameters with the
//                      argument the parser sees after each, positional arguments, splats,
//                      redirections
//   assignments        every assignment: target, operator, value
//   strings            every string literal: kind, raw text, value after PowerShell unquoting
//   repairs            what was rewritten before parsing (see below)
// Positions are {offset, line, column}: offset in UTF-8 bytes (as Go indexes strings), line and
// column from 1, column in characters.
//
// What the grammar (tree-sitter-powershell 0.26.4) gets wrong, and what this script does about it:
//
// 1. Parameter names holding digits. Its command_parameter token is /-+[a-zA-Z_?\-`]+/, so
//    `-Base64ClusterCA 'x'` lexes as the parameter `-Base` and then `64ClusterCA` starts a new
//    command inside an ERROR node; `-X1 y` lexes as `-X` and a redirection `1` with a MISSING
//    `>`. PowerShell reads one parameter token up to whitespace or ':'. Repair: when a
//    command_parameter token is immediately followed by a digit, the digits of the rest of the
//    name are replaced by 'D' (same length, so offsets hold) and the text is parsed again; names
//    are reported from the original text. Hashtable keys (simple_name) do allow digits, so a
//    splatted hashtable needs no repair. With "repair": false (--no-repair) the grammar's own
//    reading is reported.
//
// 2. Line continuations. A backtick at the end of a line is an "extra" to the grammar, which
//    then also skips the newline after it: `Write-Output `<LF><LF>$c = 1` becomes one command
//    whose arguments are `$c`, `=` and `1`, where PowerShell ends the statement at the blank line.
//    Repair: a backtick-newline outside string literals and comments is replaced by spaces (what
//    PowerShell makes of it) and the text is parsed again.
//
// 3. Typographic quotes. PowerShell takes U+2018-U+201B for single quotes and U+201C-U+201E for
//    double quotes, as openers, closers and doubled escapes, in any combination; the grammar
//    knows only ' and ". So the grammar reads 'it’s' as one literal where PowerShell ends the
//    literal at the ’. No repair: such places are reported in quoteDisagreements, and values are
//    unquoted by PowerShell's rules (a pair of any two single quotes reads back as the second).
//    Quotes inside barewords (PowerShell scans a string literal there too) are checked the same
//    way: a string that stays inside the bareword is fine, one that runs past it is reported.
//
// 4. Scripts without statements. The grammar wants at least one statement: a script of nothing
//    but comments and white space (even an empty one), which PowerShell runs doing nothing, is
//    one ERROR node. Repair: such ERRORs are dropped when there is nothing but comments and
//    white space.
//
// 5. Empty tokens. Where PowerShell reports a syntax error, the grammar sometimes builds a node
//    out of nothing instead of an ERROR or MISSING one: `< A0000` (PowerShell: "The '<' operator
//    is reserved for future use") parses as a command with an empty command_name and a
//    redirection. Such zero-width leaves are reported in errors as kind EMPTY.
'use strict';

// V8 compiles hot wasm functions a second time with its optimizing compiler, in the background;
// for this grammar's parser that takes 10 to 50 s of CPU, and the process waits for it before
// exiting, long after the answer is out. The baseline compiler alone parses fast enough.
require('v8').setFlagsFromString('--liftoff-only');

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { Parser, Language } = require('web-tree-sitter');

const HERE = __dirname;
const GRAMMAR_WASM = path.join(HERE, 'node_modules', 'tree-sitter-powershell', 'tree-sitter-powershell.wasm');

function pkgVersion(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch (e) {
    return null;
  }
}

const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);
const DOUBLE_QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e']);
const isSQ = (c) => SINGLE_QUOTES.has(c);
const isDQ = (c) => DOUBLE_QUOTES.has(c);
const isTypographic = (c) => (isSQ(c) || isDQ(c)) && c !== "'" && c !== '"';

const STRING_TYPES = new Set([
  'verbatim_string_characters',
  'verbatim_here_string_characters',
  'expandable_string_literal',
  'expandable_here_string_literal',
]);

// Expression wrappers that the grammar nests around a single value.
const WRAPPERS = new Set([
  'pipeline', 'pipeline_chain', 'logical_expression', 'bitwise_expression', 'comparison_expression',
  'additive_expression', 'multiplicative_expression', 'format_expression', 'range_expression',
  'array_literal_expression', 'unary_expression', 'argument_expression', 'logical_argument_expression',
  'bitwise_argument_expression', 'comparison_argument_expression', 'additive_argument_expression',
  'multiplicative_argument_expression', 'format_argument_expression', 'range_argument_expression',
  'command_name_expr', 'key_expression', 'string_literal', 'left_assignment_expression',
]);

// Positions: tree-sitter indexes the JavaScript string (UTF-16 code units).
function positions(src) {
  const n = src.length;
  const offset = new Array(n + 1);
  const line = new Array(n + 1);
  const column = new Array(n + 1);
  let b = 0, l = 1, c = 1;
  for (let i = 0; i <= n; i++) {
    offset[i] = b;
    line[i] = l;
    column[i] = c;
    if (i === n) break;
    const code = src.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      // A surrogate pair: one character, four bytes; its second half shares the position.
      offset[i + 1] = b;
      line[i + 1] = l;
      column[i + 1] = c;
      b += 4;
      c++;
      i++;
      continue;
    }
    b += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    if (code === 0x0a) {
      l++;
      c = 1;
    } else {
      c++;
    }
  }
  return (i) => ({ offset: offset[i], line: line[i], column: column[i] });
}

function walk(node, fn) {
  if (fn(node) === false) return;
  for (const child of node.children) walk(child, fn);
}

function insideAny(node, types) {
  for (let n = node; n; n = n.parent) {
    if (types.has(n.type)) return true;
  }
  return false;
}

// parse parses src, repairing (when asked) what the grammar reads differently from PowerShell
// (notes 1 and 2 above). It returns the final tree, the text that was parsed and the repairs.
function parse(parser, src, repair) {
  let text = src;
  const repairs = [];
  for (let round = 0; ; round++) {
    const tree = parser.parse(text);
    if (!repair || round >= 1000) return { tree, text, repairs };
    const edits = [];
    walk(tree.rootNode, (n) => {
      if (n.type === 'command_parameter' && /[0-9]/.test(text[n.endIndex] || '')) {
        let end = n.endIndex;
        while (end < text.length && /[A-Za-z0-9_?\-]/.test(text[end])) end++;
        edits.push({ kind: 'parameter-digits', start: n.startIndex, end, replacement: text.slice(n.startIndex, end).replace(/[0-9]/g, 'D') });
      }
    });
    const cont = /`(\r?\n)/g;
    for (let m; (m = cont.exec(text)); ) {
      const leaf = tree.rootNode.descendantForIndex(m.index, m.index + 1);
      if (leaf && insideAny(leaf, new Set([...STRING_TYPES, 'comment']))) continue;
      edits.push({ kind: 'line-continuation', start: m.index, end: m.index + m[0].length, replacement: ' '.repeat(m[0].length) });
    }
    if (edits.length === 0) return { tree, text, repairs };
    tree.delete();
    edits.sort((a, b) => b.start - a.start);
    for (const e of edits) {
      text = text.slice(0, e.start) + e.replacement + text.slice(e.end);
      repairs.push({ kind: e.kind, start: e.start, end: e.end, text: src.slice(e.start, e.end) });
    }
  }
}

// unquoteSingle reads the inside of a single-quoted literal the way PowerShell does: two quotes
// in a row (any of the five, in any combination) stand for the second; a lone one would end the
// literal, so its index is returned in lone.
function unquoteSingle(inner) {
  const cs = Array.from(inner);
  let value = '';
  let lone = -1;
  let idx = 0; // UTF-16 index into inner
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    if (isSQ(c)) {
      if (i + 1 < cs.length && isSQ(cs[i + 1])) {
        value += cs[i + 1];
        idx += c.length + cs[i + 1].length;
        i++;
        continue;
      }
      if (lone < 0) lone = idx;
    }
    value += c;
    idx += c.length;
  }
  return { value, lone };
}

const BACKTICK_ESCAPES = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

// unescapeDouble reads the inside of a double-quoted literal without variables or
// sub-expressions: backtick escapes, and (but in a here-string) a pair of double quotes standing
// for the second.
function unescapeDouble(inner, here) {
  const cs = Array.from(inner);
  let value = '';
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    if (c === '`' && i + 1 < cs.length) {
      const d = cs[++i];
      if (d === 'u' && cs[i + 1] === '{') {
        const close = cs.indexOf('}', i + 2);
        if (close > 0) {
          value += String.fromCodePoint(parseInt(cs.slice(i + 2, close).join(''), 16));
          i = close;
          continue;
        }
      }
      value += d in BACKTICK_ESCAPES ? BACKTICK_ESCAPES[d] : d;
      continue;
    }
    if (!here && isDQ(c) && i + 1 < cs.length && isDQ(cs[i + 1])) {
      value += cs[++i];
      continue;
    }
    value += c;
  }
  return value;
}

// hereBody is the text between a here-string's header line and its closing line.
function hereBody(raw) {
  const first = raw.indexOf('\n');
  const last = raw.lastIndexOf('\n');
  if (first < 0 || last <= first) return '';
  let body = raw.slice(first + 1, last);
  if (body.endsWith('\r')) body = body.slice(0, -1);
  return body;
}

// scanPowerShellString returns where PowerShell ends a string literal that opens at src[i], or -1
// when it does not end. Sub-expressions in double-quoted strings are not followed.
function scanPowerShellString(src, i) {
  const single = isSQ(src[i]);
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j];
    if (!single && c === '`') {
      j++;
      continue;
    }
    if (single ? isSQ(c) : isDQ(c)) {
      if (j + 1 < src.length && (single ? isSQ(src[j + 1]) : isDQ(src[j + 1]))) {
        j++;
        continue;
      }
      return j + 1;
    }
  }
  return -1;
}

function analyze(parser, src, repair) {
  const { tree, repairs } = parse(parser, src, repair);
  const pos = positions(src);
  const byteToIndex = (offset) => {
    let i = 0;
    while (i < src.length && pos(i).offset < offset) i++;
    return i;
  };
  const text = (n) => src.slice(n.startIndex, n.endIndex);
  const around = (start, end) => src.slice(Math.max(0, start - 40), Math.min(src.length, end + 40));
  const span = (n) => ({ start: pos(n.startIndex), end: pos(n.endIndex) });
  const root = tree.rootNode;

  const errors = [];
  walk(root, (n) => {
    if (n.isNamed && !n.isMissing && n.childCount === 0 && n.startIndex === n.endIndex && n.type !== 'ERROR') {
      // Note 5 above.
      errors.push({ kind: 'EMPTY', empty: n.type, ...span(n), context: around(n.startIndex, n.endIndex) });
    } else if (n.isMissing) {
      errors.push({ kind: 'MISSING', missing: n.type, ...span(n), context: around(n.startIndex, n.endIndex) });
    } else if (n.type === 'ERROR') {
      const t = text(n);
      errors.push({ kind: 'ERROR', ...span(n), text: t.length > 200 ? t.slice(0, 200) + '…' : t, context: around(n.startIndex, n.endIndex) });
    }
  });

  const quoteDisagreements = [];
  const disagree = (at, end, why) =>
    quoteDisagreements.push({ at: pos(at), reason: why, text: src.slice(at, end), context: around(at, end) });

  const strings = [];
  const stringInfo = new Map(); // node id -> description

  function describeString(n) {
    const raw = text(n);
    const s = { type: 'string', raw, ...span(n) };
    const after = src[n.endIndex] || '';
    switch (n.type) {
      case 'verbatim_string_characters': {
        s.kind = 'single-quoted';
        const { value, lone } = unquoteSingle(raw.slice(1, -1));
        s.value = value;
        if (lone >= 0) disagree(n.startIndex + 1 + lone, n.endIndex, 'PowerShell ends this single-quoted literal at this quote, which the grammar does not take for one');
        if (isSQ(after)) disagree(n.endIndex - 1, n.endIndex + 1, 'PowerShell pairs the closing quote with the quote after it and reads on');
        break;
      }
      case 'verbatim_here_string_characters': {
        s.kind = 'single-quoted-here-string';
        s.value = hereBody(raw);
        const m = /(^|\n)[\u2018\u2019\u201a\u201b]@/.exec(s.value);
        if (m) disagree(n.startIndex + raw.indexOf(s.value) + m.index, n.endIndex, 'PowerShell ends this here-string at this typographic quote');
        break;
      }
      case 'expandable_string_literal':
      case 'expandable_here_string_literal': {
        const here = n.type === 'expandable_here_string_literal';
        s.kind = here ? 'double-quoted-here-string' : 'double-quoted';
        s.variables = [];
        s.subexpressions = [];
        const code = []; // spans of variables and sub-expressions, relative to raw
        for (const c of n.namedChildren) {
          if (c.type === 'variable' || c.type === 'braced_variable') s.variables.push(text(c));
          else if (c.type === 'sub_expression') s.subexpressions.push(text(c));
          else continue;
          code.push([c.startIndex - n.startIndex, c.endIndex - n.startIndex]);
        }
        if (!here) {
          // The grammar's text fragments are hidden tokens: scan what lies between the
          // variables and sub-expressions for quotes that PowerShell acts on.
          const inCode = (i) => code.some(([a, b]) => i >= a && i < b);
          for (let i = 1; i < raw.length - 1; i++) {
            if (inCode(i)) continue;
            if (raw[i] === '`') {
              i++;
              continue;
            }
            if (!isDQ(raw[i])) continue;
            if (isDQ(raw[i + 1]) && i + 1 < raw.length - 1 && !inCode(i + 1)) {
              i++;
              continue;
            }
            disagree(n.startIndex + i, n.endIndex, 'PowerShell ends this double-quoted literal at this quote, which the grammar does not take for one');
            break;
          }
        }
        s.expandable = s.variables.length + s.subexpressions.length > 0;
        if (!here && isDQ(after)) disagree(n.endIndex - 1, n.endIndex + 1, 'PowerShell pairs the closing quote with the quote after it and reads on');
        if (!s.expandable) s.value = here ? unescapeDouble(hereBody(raw), true) : unescapeDouble(raw.replace(/^"/, '').replace(/"$/, ''));
        if (here) {
          const m = /(^|\n)[\u201c\u201d\u201e]@/.exec(hereBody(raw));
          if (m) disagree(n.startIndex, n.endIndex, 'PowerShell ends this here-string at a typographic quote');
        }
        break;
      }
    }
    return s;
  }

  // Strings, and quotes in barewords.
  const visitCode = (n) => {
    if (n.type === 'comment') return false;
    if (STRING_TYPES.has(n.type)) {
      const s = describeString(n);
      strings.push(s);
      stringInfo.set(n.id, s);
      // Sub-expressions inside a double-quoted string are code: look into them.
      for (const c of n.namedChildren) if (c.type === 'sub_expression') walk(c, visitCode);
      return false;
    }
    if (n.childCount === 0 && n.type !== 'ERROR') {
      const t = text(n);
      for (let k = 0; k < t.length; k++) {
        if (!isSQ(t[k]) && !isDQ(t[k])) continue;
        const end = scanPowerShellString(src, n.startIndex + k);
        if (end < 0 || end > n.endIndex) {
          disagree(n.startIndex + k, end < 0 ? src.length : end, 'PowerShell opens a string literal here (inside a bareword) that runs past the token the grammar read');
          break;
        }
        k = end - n.startIndex - 1;
      }
    }
  };
  walk(root, visitCode);

  function unwrap(n) {
    while (n && WRAPPERS.has(n.type) && n.childCount === 1) n = n.children[0];
    return n;
  }

  function describe(n) {
    n = unwrap(n);
    if (!n) return null;
    if (stringInfo.has(n.id)) return stringInfo.get(n.id);
    switch (n.type) {
      case 'variable':
      case 'braced_variable': {
        const t = text(n);
        return { type: 'variable', name: t, splat: t.startsWith('@'), raw: t, ...span(n) };
      }
      case 'generic_token':
      case 'simple_name':
      case 'command_name':
        return { type: 'bareword', raw: text(n), ...span(n) };
      case 'integer_literal':
      case 'real_literal':
        return { type: 'number', raw: text(n), ...span(n) };
      case 'hash_literal_expression': {
        const entries = [];
        const body = n.namedChildren.find((c) => c.type === 'hash_literal_body');
        for (const e of body ? body.namedChildren : []) {
          if (e.type !== 'hash_entry') {
            if (e.type !== 'comment') entries.push({ invalid: e.type, raw: text(e) });
            continue;
          }
          const key = e.namedChildren.find((c) => c.type === 'key_expression');
          const value = e.namedChildren.find((c) => c !== key && c.type !== 'comment');
          entries.push({ key: describe(key), value: describe(value), raw: text(e), ...span(e) });
        }
        return { type: 'hashtable', entries, raw: text(n), ...span(n) };
      }
    }
    return { type: 'expression', nodeType: n.type, raw: text(n), ...span(n) };
  }

  // Top-level statements.
  const statements = [];
  const comments = [];
  const statementOf = new Map();
  const list = root.namedChildren.find((c) => c.type === 'statement_list');
  walk(root, (c) => {
    if (c.type === 'comment') comments.push({ raw: text(c), ...span(c) });
  });
  for (const c of list ? list.namedChildren : []) {
    if (c.type !== 'comment') statements.push({ type: c.type, raw: text(c), ...span(c), _node: c });
  }

  // Note 4 above: the grammar wants at least one statement, so a script of nothing but comments and
  // white space (which PowerShell runs, doing nothing) is one ERROR. Such ERRORs are dropped.
  if (repair && statements.length === 0 && errors.every((e) => e.kind === 'ERROR')) {
    let rest = src;
    for (const c of comments.slice().reverse()) {
      const a = byteToIndex(c.start.offset), b = byteToIndex(c.end.offset);
      rest = rest.slice(0, a) + rest.slice(b);
    }
    if (rest.trim() === '' && errors.length > 0) {
      errors.length = 0;
      repairs.push({ kind: 'no-statements', start: 0, end: src.length, text: src });
    }
  }
  const statementIndex = (n) => {
    for (let p = n; p; p = p.parent) {
      const i = statements.findIndex((s) => s._node.id === p.id);
      if (i >= 0) return i;
    }
    return -1;
  };

  // Commands.
  const commands = [];
  walk(root, (n) => {
    if (n.type !== 'command') return;
    const cmd = { invocationOperator: null, name: null, parameters: [], positional: [], splats: [], redirections: [], elements: [], raw: text(n), statement: statementIndex(n), ...span(n) };
    for (const c of n.children) {
      if (c.type === 'command_invokation_operator') cmd.invocationOperator = text(c);
      else if (c.type === 'command_name') cmd.name = { type: 'bareword', raw: text(c), ...span(c) };
      else if (c.type === 'command_name_expr') cmd.name = describe(c);
      else if (c.type === 'path_command_name') cmd.name = { type: 'bareword', raw: text(c), ...span(c) };
    }
    const elements = n.namedChildren.find((c) => c.type === 'command_elements');
    let pending = null; // the parameter waiting for its argument
    for (const c of elements ? elements.children : []) {
      if (c.type === 'command_argument_sep') {
        if (text(c) === ':' && pending) pending.colon = true;
        continue;
      }
      if (c.type === 'comment') continue;
      if (c.type === 'command_parameter') {
        const raw = text(c);
        const p = { name: raw.replace(/^-+/, ''), raw, colon: false, argument: null, ...span(c) };
        cmd.parameters.push(p);
        cmd.elements.push({ type: 'parameter', name: p.name, raw });
        pending = p;
        continue;
      }
      if (c.type === 'redirection') {
        cmd.redirections.push(text(c));
        cmd.elements.push({ type: 'redirection', raw: text(c) });
        pending = null;
        continue;
      }
      if (c.type === 'stop_parsing') {
        cmd.elements.push({ type: 'stop-parsing', raw: text(c) });
        pending = null;
        continue;
      }
      const v = describe(c);
      if (!v) continue;
      cmd.elements.push(v);
      if (v.type === 'variable' && v.splat) cmd.splats.push(v.name.slice(1));
      if (pending) {
        pending.argument = v;
        pending = null;
      } else {
        cmd.positional.push(v);
      }
    }
    commands.push(cmd);
  });

  // Assignments.
  const assignments = [];
  walk(root, (n) => {
    if (n.type !== 'assignment_expression') return;
    const target = n.namedChildren.find((c) => c.type === 'left_assignment_expression');
    const op = n.namedChildren.find((c) => c.type === 'assignement_operator');
    const value = n.namedChildren.find((c) => c !== target && c !== op && c.type !== 'comment');
    assignments.push({ target: describe(target), operator: op ? text(op) : null, value: describe(value), statement: statementIndex(n), raw: text(n), ...span(n) });
  });

  const out = {
    grammar: { 'tree-sitter-powershell': pkgVersion('tree-sitter-powershell'), 'web-tree-sitter': pkgVersion('web-tree-sitter') },
    hasErrors: errors.length > 0,
    errors,
    quoteDisagreements,
    repairs: repairs.map((r) => ({ kind: r.kind, at: pos(r.start), text: r.text })),
    statements: statements.map(({ _node, ...s }) => {
      const value = describe(_node);
      return { ...s, kind: value.type === 'expression' ? value.nodeType : value.type, value };
    }),
    comments,
    commands,
    assignments,
    strings,
  };
  tree.delete();
  return out;
}

async function main() {
  await Parser.init();
  const language = await Language.load(GRAMMAR_WASM);
  const parser = new Parser();
  parser.setLanguage(language);
  const args = process.argv.slice(2);

  if (args.includes('--serve')) {
    const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
    for await (const line of rl) {
      if (line.trim() === '') continue;
      let reply;
      try {
        const req = JSON.parse(line);
        reply = analyze(parser, String(req.src), req.repair !== false);
      } catch (e) {
        reply = { fatal: String((e && e.stack) || e) };
      }
      process.stdout.write(JSON.stringify(reply) + '\n');
    }
    return;
  }
  const src = fs.readFileSync(0, 'utf8');
  process.stdout.write(JSON.stringify(analyze(parser, src, !args.includes('--no-repair')), null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + '\n');
  process.exit(1);
});
