// jpdocs app: a form made from the spec's JSON Schema, a live preview made by the
// real build, saving that keeps the YAML file the source. Plain JavaScript, no
// build step, nothing fetched from outside this server.
"use strict";

const TOKEN = document.querySelector('meta[name="jpdocs-token"]').content;
const $ = (sel) => document.querySelector(sel);
let schema = null;
let current = null;          // {name, version, data}
let dirty = false;
let timer = null;
let seq = 0;                 // the newest preview request; older answers are dropped

// ---------------------------------------------------------------- server calls
async function api(method, url, body) {
  const opt = { method, headers: {} };
  if (method === "POST") {
    opt.headers["X-JPDocs-Token"] = TOKEN;
    opt.headers["Content-Type"] = "application/json";
    opt.body = JSON.stringify(body);
  }
  const r = await fetch(url, opt);
  const j = await r.json();
  if (!r.ok) throw new Error(j.error || r.statusText);
  return j;
}

function status(text) { $("#status").textContent = text; }

// ---------------------------------------------------------------- paths
// A key path as the command line names it: press_notice.contacts[0].phone
function dotted(path) {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : (out ? "." + p : p);
  return out;
}

function getAt(path) {
  let v = current.data;
  for (const p of path) { if (v == null) return undefined; v = v[p]; }
  return v;
}

function setAt(path, value) {
  if (current.data == null || typeof current.data !== "object") current.data = {};
  let v = current.data;
  for (let i = 0; i < path.length - 1; i++) {
    const p = path[i];
    if (v[p] == null || typeof v[p] !== "object") v[p] = typeof path[i + 1] === "number" ? [] : {};
    v = v[p];
  }
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(v)) v.splice(last, 1); else delete v[last];
  } else {
    v[last] = value;
  }
}

function changed(structural) {
  dirty = true;
  $("#save-status").textContent = "未保存の変更があります";
  if (structural) renderForm();
  schedulePreview();
}

// ---------------------------------------------------------------- schema
function resolve(node) {
  while (node && node.$ref) node = schema.$defs[node.$ref.split("/").pop()];
  return node || {};
}

function options(node) {
  node = resolve(node);
  if (node.anyOf) return node.anyOf.map(resolve).filter((o) => o.type !== "null");
  return [node];
}

function nullable(node) {
  node = resolve(node);
  return !!(node.anyOf && node.anyOf.some((o) => o.type === "null"));
}

// The option of a union that fits the value (or the first, for a new value).
function pick(node, value) {
  const opts = options(node);
  if (opts.length === 1) return opts[0];
  const kind = Array.isArray(value) ? "array" : value === null || value === undefined ? null : typeof value;
  const fits = opts.find((o) => (kind === "object" && o.type === "object")
    || (kind === "array" && o.type === "array") || (kind === "string" && o.type === "string")
    || (kind === "boolean" && o.type === "boolean") || (kind === "number" && o.type === "integer"));
  return fits || opts.find((o) => o.type === "string") || opts[0];
}

function blank(node) {
  const o = pick(node, undefined);
  if (o.type === "object") return {};
  if (o.type === "array") return [];
  return "";
}

// ---------------------------------------------------------------- form
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function renderForm() {
  const form = $("#form");
  const scroll = $("#left").scrollTop;
  form.replaceChildren(renderObject(schema, current.data || {}, []));
  $("#left").scrollTop = scroll;
  showProblems(lastProblems, lastNotes);
}

// A field's YAML key is for the user who also opens the file (the problem list says
// file, line and key for them): it is hidden unless the toolbar's "YAML のキーを表示" is
// ticked, and its key path is the label's tooltip either way. A clerk who never opens the
// YAML sees the label alone.
function fieldBox(path, label, help, key, control) {
  const shown = key && label !== key && !/^\d+$/.test(key);
  const box = el("div", { class: "field", "data-path": dotted(path) },
    el("label", { title: shown ? `YAML: ${dotted(path)}` : null }, label,
      shown ? el("span", { class: "key" }, key) : null),
    control);
  if (help) box.append(el("div", { class: "help" }, help));
  return box;
}

function renderObject(node, value, path) {
  const obj = pick(node, value || {});
  const props = obj.properties || {};
  const required = new Set(obj.required || []);
  const wrap = el("div", { class: "object" });
  const more = el("details", { class: "more" }, el("summary", {}, "その他の項目"));
  let extra = 0;
  for (const [key, prop] of Object.entries(props)) {
    const has = value && value[key] !== undefined;
    const item = renderField(prop, has ? value[key] : undefined, [...path, key], key);
    if (has && !required.has(key) && !removesItself(prop, value[key])) item.append(dropButton([...path, key], item));
    if (has || required.has(key)) wrap.append(item); else { more.append(item); extra++; }
  }
  if (extra) wrap.append(more);
  return wrap;
}

// An optional key the spec holds, even empty (`venue:`), can be taken out of it: an
// emptied box is saved as an empty value (the key and its comment stay), which a
// warning may ask to remove. Dropped, the key is left out on save and the field waits
// under その他の項目, as every absent key does. A required key has no such button;
// an optional block that has its own (経緯を削除) gets no second one.
// A list or a block says whose button it is (配付資料を削除), apart from its rows' 削除.
function dropButton(path, item) {
  const name = item.querySelector("label, legend")?.firstChild?.textContent || path[path.length - 1];
  const whole = item.firstElementChild?.tagName === "FIELDSET";
  return el("button", { type: "button", class: "drop", "aria-label": `${name}を削除`,
    title: "この項目を外します（保存するとファイルから消え、「その他の項目」に移ります）",
    onclick: () => { setAt(path, undefined); changed(true); } }, whole ? `${name}を削除` : "削除");
}

function removesItself(node, value) {
  const opt = pick(node, value);
  return opt.type === "object" && !!opt.properties && value != null && nullable(node);
}

function renderField(node, value, path, key) {
  const r = resolve(node);
  const label = node.title || r.title || key;
  const help = node.description || (r.description && !r.properties ? r.description : "");
  const opt = pick(node, value);
  const marker = opt["x-jpdocs"] || r["x-jpdocs"] || node["x-jpdocs"];
  if (node["x-jpdocs-none"]) return renderOrNone(node, value, path, key, label, help);
  if (node["x-jpdocs-choices"] && (value == null || typeof value !== "object")) {
    return renderChoiceOrBlock(node, value, path, key, label, help);
  }
  // An optional block (a section, a representative): added and removed as a whole.
  if (opt.type === "object" && opt.properties && (value === undefined || value === null)) {
    return fieldBox(path, label, help, key, el("button", { type: "button", class: "add",
      onclick: () => { setAt(path, {}); changed(true); } }, `＋ ${label}を追加`));
  }
  if (opt.type === "object" && opt.properties) {
    const fs = el("fieldset", {}, el("legend", {}, label), renderObject(opt, value, path));
    if (nullable(node)) {
      fs.append(el("button", { type: "button", class: "remove",
        onclick: () => { setAt(path, undefined); changed(true); } }, `${label}を削除`));
    }
    const box = el("div", { class: "field", "data-path": dotted(path) }, fs);
    if (help) fs.insertBefore(el("div", { class: "help" }, help), fs.children[1]);
    return box;
  }
  if (opt.type === "string" && node["x-jpdocs-keys"] && options(node).some((o) => o.type === "object")) {
    return renderWordOrEach(node, opt, value, path, key, label, help, marker);
  }
  if (opt.type === "object" && opt.additionalProperties) {
    return renderDict(opt, value || {}, path, label, help, key, node["x-jpdocs-keys"]);
  }
  if (opt.type === "array" && marker === "party-ids") return renderIds("parties", value || [], path, label, help, key);
  if (opt.type === "array" && marker === "agreement-ids") return renderIds("agreements", value || [], path, label, help, key);
  if (opt.type === "array") return renderArray(opt, value || [], path, label, help, key);
  return fieldBox(path, label, help, key, renderScalar(opt, value, path, marker, key));
}

function renderScalar(opt, value, path, marker, key) {
  const set = (v) => {
    setAt(path, v);
    if (path.length === 3 && ((path[0] === "parties" && path[2] === "name")
      || (path[0] === "agreements" && path[2] === "title"))) renamedEntry();
    changed(false);
  };
  if (opt.type === "boolean") {
    const s = el("select", { onchange: (e) => { setAt(path, e.target.value === "" ? undefined : e.target.value === "true"); changed(false); } },
      el("option", { value: "" }, "（既定）"), el("option", { value: "true" }, "はい"), el("option", { value: "false" }, "いいえ"));
    s.value = value === true ? "true" : value === false ? "false" : "";
    return s;
  }
  if (opt.enum || opt.const) {
    const values = opt.enum || [opt.const];
    const s = el("select", { onchange: (e) => set(e.target.value) }, el("option", { value: "" }, "（なし）"),
      ...values.map((v) => el("option", { value: v }, v)));
    s.value = value == null ? "" : value;
    return s;
  }
  if (marker === "party-id") return partySelect(value, set);
  if (opt.type === "integer") {
    return el("input", { type: "text", inputmode: "numeric", value: value == null ? "" : value,
      oninput: (e) => { const t = e.target.value.trim(); set(/^-?\d+$/.test(t) ? parseInt(t, 10) : t); } });
  }
  const text = value == null ? "" : String(value);
  const long = text.length > 40 || ["paragraphs", "opening", "statements", "purpose", "preamble"].includes(key);
  const input = long
    ? el("textarea", { rows: Math.min(6, Math.max(2, Math.ceil(text.length / 40))), oninput: (e) => set(e.target.value) })
    : el("input", { type: "text", value: text, oninput: (e) => set(e.target.value),
        placeholder: marker === "date" ? "2024-02-27" : marker === "time" ? "11:00" : marker === "date-time" ? "2024-02-21T17:00" : null });
  if (long) input.value = text;
  if (marker === "date" || marker === "date-time") {
    return el("div", { class: "date" }, input, el("span", { class: "era", "data-era-for": dotted(path) }));
  }
  if (key === "logo" || key === "file") return el("div", { class: "upload" }, input, uploadButton(path, key));
  return input;
}

// A field whose every value is one to choose (true, false, a word of the spec's): one
// select of them all, in the form's words (x-jpdocs-choices, from schema_export.py).
// Drawn from the union's one option that fit the value, 改ページ (true, false or
// after_heading) offered （なし） and after_heading while empty, and はい and いいえ alone
// once chosen. Left empty, a yes/no field's key is left out (its default); a list of
// words is an empty value, as an empty text box is. A value the file holds that is none
// of them is listed as written, not shown as empty (the build says what is wrong).
function renderChoice(choices, value, path) {
  const yesNo = choices.some(([v]) => typeof v === "boolean");
  const at = choices.findIndex(([v]) => v === value);
  const other = value != null && value !== "" && at < 0;
  const s = el("select", { onchange: (e) => {
    const i = e.target.value;
    if (i !== "other") setAt(path, i === "" ? (yesNo ? undefined : "") : choices[Number(i)][0]);
    changed(false);
  } }, el("option", { value: "" }, yesNo ? "（既定）" : "（なし）"),
  ...choices.map(([, words], i) => el("option", { value: String(i) }, words)),
  other ? el("option", { value: "other" }, String(value)) : null);
  s.value = other ? "other" : at < 0 ? "" : String(at);
  return s;
}

// The select of a field's choices, and where the field may instead be a block or a
// list (a cover: はい, or its items; 署名欄の前の記号: はい, いいえ, or the parties'
// ids), a button that starts it; a block has its own 削除 back to the select, a list
// the field's. The select offered いいえ for a cover, which the spec refuses, and no
// way to the items the help names.
function renderChoiceOrBlock(node, value, path, key, label, help) {
  const select = renderChoice(node["x-jpdocs-choices"], value, path);
  const block = options(node).find((o) => (o.type === "object" && o.properties) || o.type === "array");
  if (!block) return fieldBox(path, label, help, key, select);
  const start = el("button", { type: "button", class: "add", onclick: () => {
    setAt(path, block.type === "array" ? [blank(block.items || {})] : {});
    changed(true);
  } }, block.type === "array" ? `＋ ${label}を一つずつ書く` : `＋ ${label}の項目を書く`);
  return fieldBox(path, label, help, key, el("div", { class: "choice-or-block" }, select, start));
}

// A field that is one word or a word per party (当事者の呼び方: 甲乙, 両市, or {city: 市, univ:
// 大学}). A file's mapping was shown as one (renderDict), but the word's text box had no
// way to it: ＋ 当事者ごとに書く starts it with a box per party, each left empty for the
// user to fill. The mapping's 削除 goes back to the one word (its default).
function renderWordOrEach(node, opt, value, path, key, label, help, marker) {
  const input = renderScalar(opt, value, path, marker, key);
  const each = node["x-jpdocs-keys"] === "parties" ? "当事者ごとに書く" : "記号ごとに書く";
  const start = el("button", { type: "button", class: "add", onclick: () => {
    const ids = node["x-jpdocs-keys"] === "parties" ? Object.keys((current.data || {}).parties || {}) : [];
    setAt(path, Object.fromEntries(ids.map((id) => [id, ""])));
    changed(true);
  } }, `＋ ${each}`);
  return fieldBox(path, label, help, key, el("div", { class: "word-or-each" }, input, start));
}

// A value that may be false, none at all (title: false, a signer with no title; header:
// false, no header line; issuing_office: false, no issuing office's line; a cover's
// names: false, the title alone): the field as its other options show it (a text box,
// the issuing offices' lines, the names by party), and beside or under it a checkbox in
// the schema's words (x-jpdocs-none) that writes false. Checked, a text box is emptied
// and disabled (a list or a mapping is not shown); unchecked, the field is an empty text
// again (left empty, what an empty box always means), or, where it has no text, left
// out (the default: each party's name on the cover).
// A date that may be none (issue_date: none, a page that gives no date) has one too, 日付を
//示さない, writing the schema's word for it (x-jpdocs-none-value): none was typed into the
// date's box, which the help had to tell in YAML's word.
function renderOrNone(node, value, path, key, label, help) {
  const noneValue = "x-jpdocs-none-value" in node ? node["x-jpdocs-none-value"] : false;
  const none = value === noneValue;
  const rest = { ...node, anyOf: (node.anyOf || [node]).filter((o) => resolve(o).const !== noneValue) };
  delete rest["x-jpdocs-none"];
  delete rest["x-jpdocs-none-value"];
  const text = options(rest).find((o) => o.type === "string");
  const box = el("input", { type: "checkbox", class: "none", checked: none, onchange: (e) => {
    setAt(path, e.target.checked ? noneValue : text ? "" : undefined);
    changed(true);
  } });
  const choice = el("label", {}, box, node["x-jpdocs-none"]);
  if (text && (none || value == null || typeof value === "string")) {
    const input = renderScalar(text, none ? "" : value, path, text["x-jpdocs"], key);
    // a date's box stands in a wrapper beside its era
    const control = input.matches("input, textarea, select") ? input : input.querySelector("input, textarea");
    // disabled, its placeholder (2024-02-27) read as a date the page would show
    if (none) { control.disabled = true; control.removeAttribute("placeholder"); }
    return fieldBox(path, label, help, key, el("div", { class: "text-or-none" }, input, choice));
  }
  if (none) return fieldBox(path, label, help, key, el("div", { class: "text-or-none" }, choice));
  const field = renderField(rest, value, path, key);
  field.append(el("div", { class: "text-or-none" }, choice));
  return field;
}

function uploadButton(path, key) {
  // a logo and a notice's photo are pictures; any other file is a PDF to attach
  const accept = key === "logo" || path.includes("photos") ? ".png,.jpg,.jpeg" : ".pdf";
  return el("input", { type: "file", accept, onchange: async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    try {
      const r = await fetch(`/api/upload?name=${encodeURIComponent(f.name)}`,
        { method: "POST", headers: { "X-JPDocs-Token": TOKEN }, body: f });
      const j = await r.json();
      if (!r.ok) throw new Error(j.error);
      setAt(path, j.file);
      changed(true);
    } catch (err) { status(`アップロードできません: ${err.message}`); }
  } });
}

function renderArray(opt, value, path, label, help, key) {
  const fs = el("fieldset", {}, el("legend", {}, label));
  if (help) fs.append(el("div", { class: "help" }, help));
  value.forEach((v, i) => {
    const item = opt.items || {};
    const named = resolve(item).properties ? { ...item, title: `${label} ${i + 1}` } : item;
    const body = renderField(named, v, [...path, i], `${i + 1}`);
    body.classList.add("body");
    fs.append(el("div", { class: "row" }, body, el("button", { type: "button", class: "remove", title: "この行を削除",
      onclick: () => { const list = getAt(path); list.splice(i, 1); changed(true); } }, "削除")));
  });
  fs.append(el("button", { type: "button", class: "add", onclick: () => {
    const list = Array.isArray(getAt(path)) ? getAt(path) : [];
    list.push(blank(opt.items || {}));
    setAt(path, list);
    changed(true);
  } }, "＋ 行を追加"));
  return el("div", { class: "field", "data-path": dotted(path) }, fs);
}

// The party of an id as the form names it: its name, or 当事者 N (its place among the
// parties) while it has none yet; an id that is no party's as written. One of several
// agreements (agreements:) likewise: its title, or 協定 N. Two of one name (彦根市's two
// agreements of one title) are told apart by their places: …協定（協定 2）; beside their
// ids (a checkbox's label), by the ids: …協定（rise）. The server names them so in field
// paths and messages (party_words.py).
const ENTRY = { parties: ["name", "当事者"], agreements: ["title", "協定"] };

function entryNames(kind, placed = true) {
  const [field, word] = ENTRY[kind];
  const entries = (current.data || {})[kind];
  const out = {};
  if (!entries || typeof entries !== "object" || Array.isArray(entries)) return out;
  Object.keys(entries).forEach((id, i) => {
    const e = entries[id];
    const name = e && typeof e[field] === "string" ? e[field].trim() : "";
    out[id] = name || `${word} ${i + 1}`;
  });
  if (!placed) return out;
  const said = Object.values(out);
  Object.keys(out).forEach((id, i) => {
    if (said.filter((x) => x === out[id]).length > 1) out[id] = `${out[id]}（${word} ${i + 1}）`;
  });
  return out;
}

function entryName(kind, id) { return entryNames(kind)[id] ?? id; }
// An entry said beside its id, as a message lists it (party_words.id_slot): two of one
// name told apart by the ids, not by their places too.
function entrySlot(kind, id) { return `${entryNames(kind, false)[id] ?? id}（${id}）`; }
function partyName(id) { return entryName("parties", id); }

// A party's name (an agreement's title) typed: the legends and buttons that name it follow
// it, as the next preview's messages do (a keystroke does not redraw the form).
function renamedEntry() {
  for (const e of document.querySelectorAll("[data-entry]")) {
    const name = entryName(e.dataset.keyed, e.dataset.entry);
    if (e.tagName === "BUTTON") e.textContent = `${name}を削除`;
    else if (e.tagName === "OPTION") e.textContent = name;
    else if (e.firstChild) e.firstChild.textContent = name;
  }
}

// A field that takes one party's id (a translation's signer, a row of 署名欄の前の記号): the
// parties by name, the id stored; an id the file holds that is no party's is listed as
// written, marked as no party (the build says so too), not shown as empty.
function partySelect(value, set) {
  const ids = Object.keys((current.data || {}).parties || {});
  const other = value != null && value !== "" && !ids.includes(value);
  const s = el("select", { class: "party-id", onchange: (e) => set(e.target.value) },
    el("option", { value: "" }, "（当事者を選ぶ）"),
    ...ids.map((id) => el("option", { value: id, "data-entry": id, "data-keyed": "parties" }, partyName(id))),
    other ? el("option", { value }, `${value}（${IDS_NOT.parties}）`) : null);
  s.value = value == null ? "" : String(value);
  return s;
}

// A mapping keyed by ids the user chooses (parties: bureau, kitami_it …). One keyed by
// party ids (the parties, a cover's names, labels by party) names each entry by its
// party (partyName), the id in its 記号 box alone; the several agreements (keyed:
// agreements) each by its title.
// A mapping keyed by the ids of parties declared elsewhere (a cover's names, the labels
// by party, a 記号's 「ほか」 per party) takes each key from a select of the parties, and
// ＋ 追加 adds the next party it has not: its 記号 box was typed, and ＋ 追加 made party3,
// no party's id, which the build refused.
function renderDict(opt, value, path, label, help, key, keyed) {
  const byName = keyed === "parties" || keyed === "agreements";
  const declares = path.length === 1 && !!ENTRY[path[0]];       // parties:, agreements:
  const refers = keyed === "parties" && !declares;
  const parties = Object.keys((current.data || {}).parties || {});
  const fs = el("fieldset", {}, el("legend", {}, label));
  if (help) fs.append(el("div", { class: "help" }, help));
  for (const [id, v] of Object.entries(value)) {
    const rename = (e) => {
      const name = e.target.value.trim();
      if (!name || name === id || name in value) { e.target.value = id; return; }
      const renamed = {};
      for (const [k, x] of Object.entries(value)) renamed[k === id ? name : k] = x;
      setAt(path, renamed);
      if (declares) renameRefs(schema, current.data, path[0], id, name);
      changed(true);
    };
    const idInput = refers
      ? el("select", { class: "dict-key", "aria-label": "当事者", onchange: rename },
        ...parties.filter((p) => p === id || !(p in value))
          .map((p) => el("option", { value: p, "data-entry": p, "data-keyed": "parties" }, partyName(p))),
        parties.includes(id) ? null : el("option", { value: id }, `${id}（${IDS_NOT.parties}）`))
      : el("input", { type: "text", value: id, class: "dict-key", "aria-label": "記号", onchange: rename });
    if (refers) idInput.value = id;
    const shown = byName ? entryName(keyed, id) : id;
    const body = renderField({ ...opt.additionalProperties, title: shown }, v, [...path, id], id);
    const named = body.querySelector("legend, label");
    if (byName && named) { named.dataset.entry = id; named.dataset.keyed = keyed; }
    fs.append(el("div", { class: "field" }, el("label", {}, refers ? "当事者" : "記号", idInput), body,
      el("button", { type: "button", class: "remove", "data-entry": byName ? id : null,
        "data-keyed": byName ? keyed : null, onclick: () => {
          const copy = { ...value }; delete copy[id]; setAt(path, copy); changed(true); } },
      byName ? `${shown}を削除` : `${id} を削除`)));
  }
  // a new agreement's id is agreement1 …, not party1 (a party's word in the agreements' ids)
  const stem = keyed === "agreements" ? "agreement" : "party";
  const next = refers ? parties.find((p) => !(p in value)) : null;
  fs.append(el("button", { type: "button", class: "add", disabled: refers && !next,
    title: refers && !next ? "すべての当事者があります" : null, onclick: () => {
      let n = Object.keys(value).length + 1;
      while (`${stem}${n}` in value) n++;
      setAt(path, { ...value, [next || `${stem}${n}`]: blank(opt.additionalProperties) });
      changed(true);
    } }, "＋ 追加"));
  return el("div", { class: "field", "data-path": dotted(path) }, fs);
}

// A party renamed (party2 → koshu) is renamed in every field of party ids (x-jpdocs
// party-ids: a ceremony's 締結者, an agreement's parties; party-id: a translation's
// signer, a row of 署名欄の前の記号): left under its old id, its box under 締結者 was
// unticked and the build said party2 is not a party. An agreement renamed, in every list
// of agreement ids (agreement-ids: a ceremony's 締結する協定).
function renameRefs(node, value, kind, from, to) {
  if (value == null || typeof value !== "object") return;
  const opt = pick(node, value);
  const list = kind === "parties" ? "party-ids" : "agreement-ids";
  const one = kind === "parties" ? "party-id" : null;
  const marker = (n) => n && (n["x-jpdocs"] || resolve(n)["x-jpdocs"]);
  if (Array.isArray(value)) {
    if ((marker(opt) || marker(node)) === list || (one && marker(opt.items) === one)) {
      value.forEach((v, i) => { if (v === from) value[i] = to; });
    } else {
      for (const v of value) renameRefs(opt.items || {}, v, kind, from, to);
    }
  } else if (opt.properties) {
    for (const [k, v] of Object.entries(value)) {
      const prop = opt.properties[k];
      if (!prop) continue;
      if (one && v === from && marker(pick(prop, v)) === one) value[k] = to;
      else renameRefs(prop, v, kind, from, to);
    }
  } else if (opt.additionalProperties) {
    // a mapping keyed by party ids (a cover's names …): the key renamed, in its place
    if (kind === "parties" && (node["x-jpdocs-keys"] || resolve(node)["x-jpdocs-keys"]) === "parties"
        && from in value && !(to in value)) {
      const entries = Object.entries(value);
      for (const [k] of entries) delete value[k];
      for (const [k, v] of entries) value[k === from ? to : k] = v;
    }
    for (const v of Object.values(value)) renameRefs(opt.additionalProperties, v, kind, from, to);
  }
}

// A list of party ids (of agreement ids): one checkbox per party (agreement) of the spec,
// in its order, named as the form names it with the id its 記号 box shows. The list keeps
// the order the file gives it (締結者 print in it: パナマ共和国 before 大阪市): a tick adds its
// id at the end, an untick takes that id out, the rest stays where it is.
// An id of the file that is no party's (a typo, a party since removed or renamed in the
// file) has a box too, ticked, after the parties', marked as no party (IDS_NOT): it was
// kept in the file and shown nowhere, so the build's error named an id the user could
// neither see nor take out. Unticked, it goes; ticked again, it comes back at the end.
const IDS_NOT = { parties: "当事者にありません", agreements: "複数の協定にありません" };

function renderIds(kind, value, path, label, help, key) {
  const ids = Object.keys((current.data || {})[kind] || {});
  const strays = value.filter((x, i) => typeof x === "string" && !ids.includes(x) && value.indexOf(x) === i);
  const box = el("div", { class: "parties" });
  const boxes = [...ids, ...strays];
  for (const id of boxes) {
    const cb = el("input", { type: "checkbox", value: id, checked: value.includes(id), onchange: () => {
      const ticked = (x) => box.querySelector(`input[value="${CSS.escape(x)}"]`).checked;
      const before = getAt(path);
      const kept = (Array.isArray(before) ? before : []).filter((x) => !boxes.includes(x) || ticked(x));
      setAt(path, [...kept, ...boxes.filter((x) => ticked(x) && !kept.includes(x))]);
      changed(false);
    } });
    const stray = !ids.includes(id);
    box.append(el("label", { class: stray ? "stray" : null }, cb,
      stray ? ` ${id}（${IDS_NOT[kind]}）` : ` ${entrySlot(kind, id)}`));
  }
  return fieldBox(path, label, help, key, box);
}

// ---------------------------------------------------------------- preview
let lastProblems = [];
let lastNotes = [];

function schedulePreview() {
  clearTimeout(timer);
  timer = setTimeout(runPreview, 350);
}

function dateValues() {
  const out = {};
  for (const span of document.querySelectorAll("[data-era-for]")) {
    const input = span.parentElement.querySelector("input");
    if (input && input.value.trim()) out[span.dataset.eraFor] = input.value.trim();
  }
  return out;
}

async function runPreview() {
  if (!current) return;
  const mine = ++seq;
  $("#preview").classList.add("busy");
  try {
    const r = await api("POST", "/api/preview", { name: current.name, data: current.data, dates: dateValues() });
    if (mine !== seq) return;
    showPreview(r);
  } catch (err) {
    if (mine === seq) status(`プレビューできません: ${err.message}`);
  } finally {
    if (mine === seq) $("#preview").classList.remove("busy");
  }
}

function showPreview(r) {
  for (const span of document.querySelectorAll("[data-era-for]")) span.textContent = r.eras[span.dataset.eraFor] || "";
  showProblems(r.problems, r.notes);
  if (!r.problems.length) {
    const pv = $("#preview");
    pv.replaceChildren();
    for (const doc of r.documents) {
      pv.append(el("h3", {}, doc.name));
      doc.pages.forEach((src, i) => pv.append(el("img", { src, alt: `${doc.name} ${i + 1}ページ`, "data-doc": doc.name })));
    }
    pv.dataset.state = "ok";
    showDownloads(r.documents);
  } else {
    const pv = $("#preview");
    pv.dataset.state = "problems";
    const hint = pv.querySelector(".hint") || el("p", { class: "hint" });
    hint.textContent = pv.querySelector("img")
      ? `問題が ${r.problems.length} 件あります。直すとページが更新されます（下は前回のページ）。`
      : `問題が ${r.problems.length} 件あります（左に赤で表示）。直すと、ここに文書のページが表示されます。`;
    pv.prepend(hint);
  }
}

function fieldFor(key) {
  let k = key;
  while (k) {
    const box = document.querySelector(`[data-path="${CSS.escape(k)}"]`);
    if (box) return box;
    const cut = Math.max(k.lastIndexOf("."), k.lastIndexOf("["));
    k = cut > 0 ? k.slice(0, cut) : "";
  }
  return null;
}

// The build's errors, warnings and notes (each {level, label, key, field, message,
// text}). Each is shown beside the field of its key (or the nearest enclosing field
// the form shows) in the build's words, and listed above the form under the field's
// name in the form's words, the command line's file, line and key beside it for an
// editor. One with no field (about the whole spec, a template's line) is listed alone,
// in the command line's words.
function showProblems(problems, notes) {
  lastProblems = problems || [];
  lastNotes = notes || [];
  for (const e of document.querySelectorAll(".field-message")) e.remove();
  for (const level of ["error", "warning", "note"]) {
    for (const e of document.querySelectorAll(`.has-${level}`)) e.classList.remove(`has-${level}`);
  }
  const list = $("#problems");
  list.replaceChildren();
  for (const p of [...lastProblems, ...lastNotes]) {
    const box = p.key ? fieldFor(p.key) : null;
    list.append(listed(p, box));
    if (!box) continue;
    box.classList.add(`has-${p.level}`);
    box.append(el("div", { class: `field-message field-${p.level}`, "data-key": p.key },
      el("span", { class: "level" }, p.label), " ", el("span", { class: "message" }, p.message)));
    // a problem at a field under a closed その他の項目 is not left unseen
    if (p.level !== "note") reveal(box);
  }
}

// Opens the その他の項目 a field stands under, so that it can be seen.
function reveal(box) {
  for (let d = box.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
}

function listed(p, box) {
  const cls = p.level === "error" ? "problem" : p.level;
  if (!box || !p.field) return el("div", { class: cls, "data-key": p.key || "" }, p.text);
  const where = `${p.file.split(/[\\/]/).pop()}${p.line ? ":" + p.line : ""} ${p.key}`;
  const go = el("a", { href: "#", class: "field-name", onclick: (e) => {
    e.preventDefault();
    reveal(box);
    box.scrollIntoView({ block: "center" });
    const control = box.querySelector("input, textarea, select, button");
    if (control) control.focus({ preventScroll: true });
  } }, p.field);
  return el("div", { class: cls, "data-key": p.key }, `${p.label} `, go, `: ${p.message}`,
    el("span", { class: "where" }, where));
}

// ---------------------------------------------------------------- specs
// Links to the files of the saved spec: those of the documents the preview made, the
// release where the notice attaches something, and all of them as a zip.
function showDownloads(documents) {
  const d = $("#downloads");
  d.replaceChildren(el("span", {}, "ダウンロード（保存した内容）: "));
  const n = encodeURIComponent(current.name);
  const names = documents ? documents.map((doc) => doc.name.replace(/\.pdf$/, "")) : ["press-notice", "overview", "agreement"];
  const files = names.flatMap((x) => [`${x}.pdf`, `${x}.docx`]);
  const notice = (current.data || {}).press_notice || {};
  const attaches = (list) => (list || []).some((a) => a && typeof a === "object" && (a.document || a.file));
  if (names.includes("press-notice") && attaches(notice.attachments)) files.push("release.pdf");
  if (names.includes("press-notice-after") && attaches((notice.after || {}).attachments || notice.attachments)) files.push("release-after.pdf");
  files.push("all.zip");
  for (const f of files) {
    d.append(el("a", { href: `/api/download?name=${n}&file=${encodeURIComponent(f)}`, download: "", "data-file": f }, f));
  }
}

function load(spec) {
  current = { name: spec.name, version: spec.version, data: spec.data || {} };
  dirty = false;
  $("#toolbar").hidden = false;
  $("#spec-name").textContent = spec.name;
  $("#save-status").textContent = "";
  location.hash = "spec=" + encodeURIComponent(spec.name);
  lastProblems = spec.problems || [];
  lastNotes = [];
  if (spec.data === null && lastProblems.length) {
    $("#form").replaceChildren(el("p", {}, "このファイルは読めません。エディタで直してください。"));
    showProblems(lastProblems);
    return;
  }
  renderForm();
  showDownloads();
  runPreview();
}

async function refreshList(selected) {
  const r = await api("GET", "/api/specs");
  const s = $("#spec-list");
  s.replaceChildren(el("option", { value: "" }, "（選んでください）"), ...r.specs.map((n) => el("option", { value: n }, n)));
  if (selected) s.value = selected;
}

async function openSpec(name) {
  if (!name) return;
  if (dirty && !confirm("保存していない変更は失われます。よろしいですか。")) return;
  try { load(await api("GET", `/api/spec?name=${encodeURIComponent(name)}`)); status(""); }
  catch (err) { status(err.message); }
}

async function save() {
  try {
    const r = await api("POST", "/api/save", { name: current.name, data: current.data, version: current.version });
    current.version = r.version;
    dirty = false;
    // the saved file's problems and warnings, listed as the preview lists them
    showProblems(r.problems, r.notes);
    $("#save-status").textContent = r.problems.length ? `保存しました（問題が ${r.problems.length} 件あります）` : "保存しました";
  } catch (err) {
    $("#save-status").textContent = `保存できません: ${err.message}`;
  }
}

async function newSpec() {
  const name = $("#new-name").value.trim();
  if (!name) { status("ファイル名を入れてください"); return; }
  try {
    const spec = await api("POST", "/api/new", { kind: $("#starter-kind").value, name });
    await refreshList(spec.name);
    load(spec);
    status(`${spec.name} を作成しました`);
  } catch (err) { status(err.message); }
}

// The schema is fetched once; the buttons wait for it (a click before it came is
// answered when it has come, not lost).
const schemaReady = api("GET", "/api/schema").then((s) => { schema = s; });

async function start() {
  $("#open-spec").addEventListener("click", async () => { await schemaReady; openSpec($("#spec-list").value); });
  $("#new-spec").addEventListener("click", async () => { await schemaReady; newSpec(); });
  $("#save").addEventListener("click", save);
  // the choice to see the YAML keys is the user's, kept for the next visit
  const keys = $("#show-keys");
  const showKeys = (on) => { document.body.classList.toggle("show-keys", on); keys.checked = on; };
  showKeys(localStorage.getItem("jpdocs-show-keys") === "1");
  keys.addEventListener("change", () => {
    localStorage.setItem("jpdocs-show-keys", keys.checked ? "1" : "0");
    showKeys(keys.checked);
  });
  window.addEventListener("beforeunload", (e) => { if (dirty) { e.preventDefault(); e.returnValue = ""; } });
  window.addEventListener("hashchange", () => {          // a link or bookmark to another spec of the folder
    const h = location.hash.match(/spec=([^&]+)/);
    if (h && (!current || decodeURIComponent(h[1]) !== current.name)) openSpec(decodeURIComponent(h[1]));
  });
  await schemaReady;
  const m = location.hash.match(/spec=([^&]+)/);
  await refreshList(m ? decodeURIComponent(m[1]) : "");
  if (m) await openSpec(decodeURIComponent(m[1]));
  document.body.dataset.ready = "1";
}

$("#form").addEventListener("submit", (e) => e.preventDefault());
start();
