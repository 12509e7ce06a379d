"""The local app (jpdocs/app): its schema export, the round-trip save, the starters,
and its server's answers and refusals, on a real server over HTTP."""
from __future__ import annotations

import http.client
import io
import json
import os
import re
import threading
import zipfile
from pathlib import Path

import pytest

from conftest import SEED_SPEC, no_space, pdf_text, run_generate

from jpdocs.app import formdata, roundtrip
from jpdocs.app.schema_export import spec_schema
from jpdocs.app.server import make_server
from jpdocs.app.starters import KINDS, SCHEMA_FILE, TITLES, starter_text
from jpdocs.spec.source import load_yaml

SEED = SEED_SPEC.read_text(encoding="utf-8")


# ---------------------------------------------------------------- schema export

def test_schema_has_every_spec_key_with_japanese_labels():
    s = spec_schema()
    assert set(s["properties"]) == {"issuer", "style", "parties", "agreement", "agreements", "press_notice"}
    assert s["properties"]["issuer"]["title"] == "発信者"
    notice = s["$defs"]["PressNotice"]["properties"]
    assert notice["subject"]["title"] == "件名"
    assert s["$defs"]["Party"]["additionalProperties"] is False      # unknown keys flagged by editors too
    assert set(s["required"]) == {"issuer", "parties"}


def test_every_japanese_label_names_a_key_of_the_spec():
    """A label for a key the spec does not have (a typo, a key renamed) is shown nowhere:
    every (model, key) of the app's labels is a property of the exported schema."""
    from jpdocs.app.labels import LABELS
    s = spec_schema()
    models = {**s["$defs"], "Spec": s}
    missing = [k for k in LABELS if k[1] not in models.get(k[0], {}).get("properties", {})]
    assert not missing, missing
    assert models["KiEntry"]["properties"]["list"]["title"] == "箇条"
    # a listed person's honorific and role (佐藤　章　様（立会人）) by their Japanese names
    assert [models["Person"]["properties"][k]["title"] for k in ("honorific", "role")] == ["敬称", "立場"]


def _form_labels(schema: dict) -> list[tuple[str, str]]:
    """(where, label) of every field the form can show, each labelled as app.js labels
    it (renderField: the field's title, else its model's title, else its key; an array's
    item without fields of its own the same way, by its number). A mapping's entries are
    labelled by the ids the user gives them, not by the schema."""
    defs = schema["$defs"]

    def resolve(node):
        while isinstance(node, dict) and "$ref" in node:
            node = defs[node["$ref"].split("/")[-1]]
        return node or {}

    out = []

    def walk(node, where):
        if isinstance(node, dict):
            for key, prop in (node.get("properties") or {}).items():
                out.append((f"{where}.{key}", prop.get("title") or resolve(prop).get("title") or key))
            item = node.get("items")
            if node.get("type") == "array" and isinstance(item, dict) and not resolve(item).get("properties"):
                out.append((f"{where}[]", item.get("title") or resolve(item).get("title") or "1"))
            for key, value in node.items():
                if key != "$defs":
                    walk(value, where)
        elif isinstance(node, list):
            for value in node:
                walk(value, where)

    walk({k: v for k, v in schema.items() if k != "$defs"}, "Spec")
    for name, model in defs.items():
        walk(model, name)
    return out


def test_every_field_the_japanese_form_shows_has_a_japanese_label(client):
    """The form (Accept-Language: ja) showed raw English names, the schema's titles made
    from the keys, for the fields labels.py did not list: Extra Items, Sites, Span, Group
    Signatories, People, Phones and 68 more. Every field of the schema the server gives the
    form has a label with Japanese in it (ＦＡＸ, not FAX)."""
    status, body, _ = client.request("GET", "/api/schema", headers={"Accept-Language": "ja"})
    assert status == 200
    labels = _form_labels(json.loads(body))
    assert len(labels) > 300 and ("Ceremony.sites", "複数の会場") in labels
    english = [(where, label) for where, label in labels
               if re.search(r"[A-Za-z]", label) and not re.search(r"[^\x00-\x7f]", label)]
    assert not english, english


def test_schema_dates_accept_era_dates_and_signatories_pick_parties():
    s = spec_schema()
    # a date (令和6年2月16日 is valid too, so no format: date), or none: a page without one;
    # the date first, so that a new or dated value gets the date box
    date, none = s["$defs"]["PressNotice"]["properties"]["issue_date"]["anyOf"]
    assert date == {"type": "string", "x-jpdocs": "date"} and none == {"const": "none", "type": "string"}
    assert "format" not in json.dumps(s)
    assert s["$defs"]["Ceremony"]["properties"]["signatories"]["x-jpdocs"] == "party-ids"
    # a plain title is an attachment, `- place` a 記 item: the shorthand validates
    items = s["$defs"]["PressNotice"]["properties"]["attachments"]["items"]
    assert {"type": "string", "minLength": 1} in items["anyOf"]


def test_schema_validates_the_seed_and_refuses_a_misspelt_key():
    jsonschema = pytest.importorskip("jsonschema")
    from jpdocs.spec.source import parse_yaml
    s = spec_schema()
    jsonschema.Draft202012Validator.check_schema(s)
    for spec in sorted(SEED_SPEC.parent.glob("*.yaml")):       # as an editor reads them (YAML 1.2: dates are text)
        data, _ = parse_yaml(spec, spec.read_bytes())
        jsonschema.validate(data, s)
    bad, _ = parse_yaml(SEED_SPEC, SEED.encode())
    bad["press_notice"]["subjet"] = bad["press_notice"].pop("subject")
    with pytest.raises(jsonschema.ValidationError, match="subjet"):
        jsonschema.validate(bad, s)


def test_schema_accepts_every_spec_jpdocs_accepts():
    """The schema must never flag in an editor what the generator accepts."""
    jsonschema = pytest.importorskip("jsonschema")
    from jpdocs.errors import InputError
    from jpdocs.spec.source import parse_yaml
    from jpdocs.spec.load import load_spec
    s, checked = spec_schema(), 0
    root = SEED_SPEC.parent.parent
    for spec in sorted([*root.joinpath("specs").glob("*.yaml"), *root.joinpath("tests").rglob("*.yaml")]):
        try:
            load_spec(spec)
        except InputError:
            continue                                  # a bad spec, or not a spec (a house style …)
        data, _ = parse_yaml(spec, spec.read_bytes())
        jsonschema.validate(data, s)
        checked += 1
    assert checked >= 20


def test_schema_command_writes_the_file_and_new_writes_a_starter_beside_it(tmp_path):
    result = run_generate("schema", tmp_path / "s.json")
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == spec_schema()
    result = run_generate("new", "notice", tmp_path / "event.yaml")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "event.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
    assert (tmp_path / SCHEMA_FILE).is_file()
    again = run_generate("new", "notice", tmp_path / "event.yaml")
    assert again.returncode == 1 and "exists already" in again.stderr
    assert (tmp_path / "event.yaml").read_text(encoding="utf-8") == text          # never overwritten
    # the starter says nothing of its own: check names each empty required key, with its line
    check = run_generate("check", tmp_path / "event.yaml")
    assert check.returncode == 1
    assert f"{tmp_path / 'event.yaml'}:7: issuer: expected text, got nothing" in check.stderr
    assert "press_notice.subject: expected text" in check.stderr
    assert "Traceback" not in check.stderr


def test_schema_command_without_a_file_prints_the_schema_and_writes_nothing(tmp_path):
    """`schema` alone prints the schema to standard output, as most tools do; it writes
    no file, neither into the spec folder (specs/) nor where it is run."""
    specs = SEED_SPEC.parent
    before = sorted((p.name, p.stat().st_mtime_ns) for p in specs.iterdir())
    result = run_generate("schema", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert json.loads(result.stdout) == spec_schema()
    assert sorted((p.name, p.stat().st_mtime_ns) for p in specs.iterdir()) == before
    assert list(tmp_path.iterdir()) == []
    dash = run_generate("schema", "-", cwd=tmp_path)          # "-" says the same, as before
    assert dash.returncode == 0 and dash.stdout == result.stdout


def test_serve_listens_on_loopback_only_and_prints_its_address(tmp_path):
    import signal
    import subprocess
    import sys
    import urllib.request
    root = SEED_SPEC.parent.parent
    # Ctrl+C as a terminal gives it: a test run started in the background of a
    # non-interactive shell (a CI script, `cmd &`) passes SIGINT on *ignored*, and a
    # Python started so keeps ignoring it: the app would never see the signal.
    proc = subprocess.Popen([sys.executable, str(root / "generate.py"), "serve", str(tmp_path), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        line = proc.stdout.readline()
        m = re.match(r"jpdocs app: http://127\.0\.0\.1:(\d+)/  \(specs in (.+); Ctrl\+C stops it\)", line)
        assert m, line
        port = int(m.group(1))
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/specs", timeout=30) as r:
            assert json.load(r)["specs"] == []
        import socket
        for family, address in ((socket.AF_INET, _other_address()), (socket.AF_INET6, "::1")):
            if address is None:
                continue
            with socket.socket(family) as sock:
                sock.settimeout(5)
                assert sock.connect_ex((address, port)) != 0, address      # not reachable there
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()            # no server left behind to hold the port
            proc.communicate()
            raise
    assert proc.returncode == 0 and "stopped" in out and err == ""
    bad = run_generate("serve", tmp_path / "missing", "--no-browser")
    assert bad.returncode == 1 and bad.stderr == f"error: {tmp_path / 'missing'}: not a folder (serve needs the folder of specs)\n"


def _other_address() -> str | None:
    """This machine's address on its network, if it has one (not loopback)."""
    import socket
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))          # no packet is sent: this only picks the route
            address = s.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


# ---------------------------------------------------------------- round trip

def test_round_trip_of_the_seed_is_the_same_text():
    assert roundtrip.merged_text(SEED, roundtrip.plain(roundtrip.load(SEED))) == SEED


def test_an_edit_changes_only_its_lines_and_keeps_comments_and_order():
    data = roundtrip.plain(roundtrip.load(SEED))
    data["press_notice"]["subject"] = "件名を変えた"
    data["press_notice"]["ceremony"]["end"] = "11:30"          # a new key: appended, quoted as a time must be
    data["parties"]["bureau"]["address"] = "true"              # text that a loader could read as a boolean
    del data["press_notice"]["closing_ijo"]
    out = roundtrip.merged_text(SEED, data)
    old_lines, new_lines = SEED.splitlines(), out.splitlines()
    changed = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
    assert "# 北海道オホーツク総合振興局と北見工業大学との包括連携協定（令和６年２月27日締結）" in out
    assert "  bureau:                      # first party: 甲" in out
    assert "    end: 2025-03-31            # the first term runs to the end of the next fiscal year" in out
    assert "  subject: 件名を変えた" in new_lines
    assert '    end: "11:30"' in new_lines
    assert '    address: "true"' in new_lines
    assert "closing_ijo" not in out
    assert len(new_lines) == len(old_lines)                     # one key added, one removed
    keys = [line.split(":")[0].strip() for line in new_lines if line and not line.startswith((" ", "#"))]
    assert keys == ["issuer", "parties", "agreement", "press_notice"]
    # and jpdocs reads it back as the form meant it
    from jpdocs.spec.source import parse_yaml
    back, _ = parse_yaml(Path("x.yaml"), out.encode())
    assert back["press_notice"]["ceremony"]["end"] == "11:30"
    assert back["parties"]["bureau"]["address"] == "true"
    assert back["press_notice"]["ceremony"]["date"] == "2024-02-27"
    assert len(changed) <= 3


def test_form_data_empty_fields_become_null_or_the_default():
    out = formdata.normalize({"issuer": "", "parties": {"a": {"name": "x", "statements": []}},
                              "agreement": {"title": "t", "validity": {"renewal_notice": "", "end": ""}},
                              "press_notice": {"date_suffix": "", "opening": ["段落"]}})
    assert out["issuer"] is None                                   # required: check says it is missing
    assert "renewal_notice" not in out["agreement"]["validity"]    # 1か月 applies, not "no notice period"
    assert out["agreement"]["validity"]["end"] is None
    assert "date_suffix" not in out["press_notice"]                # 配布 applies
    assert out["parties"]["a"]["statements"] == []


def test_an_empty_name_of_a_head_is_the_title_alone_or_a_drafts_blank(tmp_path):
    """A head's name left empty in the form: left out of the spec (the head known by the
    title alone, 山形県知事) — the app could not write that before, only a draft's blank,
    which outside a draft is an error; in a draft it stays the blank (null)."""
    head = {"title": "山形県知事", "name": "", "reading": ""}
    data = {"issuer": "山形県", "parties": {"pref": {"name": "山形県", "representative": dict(head)},
                                           "city": {"name": "仙台市", "signatory": dict(head)}},
            "agreement": {"title": "連携協定", "signing_date": "2024-04-01"}}
    out = formdata.normalize(data)
    assert out["parties"]["pref"]["representative"] == {"title": "山形県知事", "reading": None}
    assert out["parties"]["city"]["signatory"] == {"title": "山形県知事", "reading": None}
    drafted = formdata.normalize({**data, "agreement": {**data["agreement"], "document": {"draft": True}}})
    assert drafted["parties"]["pref"]["representative"] == {"title": "山形県知事", "name": None, "reading": None}
    # and the spec the app writes says what the form said: the title alone
    notice = roundtrip.merged_text(starter_text("notice"), formdata.normalize(
        {**roundtrip.plain(roundtrip.load(starter_text("notice"))), "parties": {"pref": {"name": "山形県",
                                                                                           "representative": dict(head)}}}))
    spec = tmp_path / "spec.yaml"
    spec.write_text(notice, encoding="utf-8")
    assert load_yaml(spec)[0]["parties"]["pref"]["representative"] == {"title": "山形県知事", "reading": None}


def test_a_starter_with_an_agreement_book_column_names_the_offices_number(tmp_path):
    """The starters that ask for the annual book's 担当課 (agreement, both) name
    agreement.number beside it, commented as the others are; left empty it is no number
    (check passes it, the book numbers in signing order), so the starter builds the same."""
    for kind in ("agreement", "both"):
        text = starter_text(kind)
        lines = text.splitlines()
        at = lines.index(next(ln for ln in lines if ln.startswith("  department:")))
        assert re.fullmatch(r"  number: +# 役所の一覧での番号（年次一覧の№: 12）.*", lines[at + 1]), lines[at + 1]
        assert roundtrip.plain(roundtrip.load(text))["agreement"]["number"] is None
    spec = tmp_path / "seed.yaml"
    spec.write_text(SEED.replace("\nagreement:\n", "\nagreement:\n  number:\n", 1), encoding="utf-8")
    result = run_generate("annual", "--fiscal-year", "2023", spec, "-o", tmp_path / "out", "--format", "csv")
    assert result.returncode == 0 and "number" not in result.stderr, result.stderr
    assert (tmp_path / "out" / "annual-2023.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith("1,")


def test_every_starter_round_trips_and_keeps_its_comments():
    for kind in KINDS:
        text = starter_text(kind)
        data = roundtrip.plain(roundtrip.load(text))
        assert roundtrip.merged_text(text, data) == text
        data["issuer"] = "北海道オホーツク総合振興局"
        out = roundtrip.merged_text(text, formdata.normalize(data))
        assert re.search(r"^issuer: 北海道オホーツク総合振興局 +# 文書を出す組織", out, re.M), out


# ---------------------------------------------------------------- the server

class Client:
    def __init__(self, folder: Path):
        self.server, self.app = make_server(folder)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.host = f"127.0.0.1:{self.app.port}"

    def request(self, method, url, body=None, host=None, token=True, headers=None, raw=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.app.port, timeout=60)
        h = {"Host": host or self.host}
        if token:
            h["X-JPDocs-Token"] = self.app.token if token is True else token
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        conn.request(method, url, body=data, headers=h)
        r = conn.getresponse()
        payload = r.read()
        conn.close()
        return r.status, payload, dict(r.getheaders())

    def json(self, method, url, body=None, **kw):
        status, payload, _ = self.request(method, url, body, **kw)
        return status, json.loads(payload)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def client(tmp_path):
    folder = tmp_path / "specs"
    folder.mkdir()
    (folder / SEED_SPEC.name).write_text(SEED, encoding="utf-8")
    c = Client(folder)
    yield c
    c.close()


# ---------------------------------------------------------------- a text that may be none (false)

def _value_or_false(prop: dict) -> bool:
    """A field whose value is something (a text, its lines, a mapping of them) or false,
    none at all: title, header, issuing_office, a cover's names … A field that is only
    true or false (a yes/no choice) is not one: the form's select says both."""
    kinds = [(o.get("type"), o.get("const", "-")) for o in prop.get("anyOf", [])]
    return ("boolean", False) in kinds and any(k not in ("boolean", "null") for k, _ in kinds)


def test_every_value_that_may_be_false_has_the_words_of_its_checkbox():
    """The form offers false beside the field where the spec allows it: the checkbox's
    words (x-jpdocs-none). Without them a field had a text box alone and false could not
    be entered: title: false, a signer named without a title, was so; issuing_office
    (a text or its lines) and a cover's names (a mapping, no null) were so until this
    test looked for false beside any other value, not beside a text and null alone."""
    s = spec_schema()
    models = {**s["$defs"], "Spec": s}
    fields = {(m, k): p for m, d in models.items() for k, p in d.get("properties", {}).items()}
    may_be_false = {key for key, p in fields.items() if _value_or_false(p)}
    # (a word that is none beside a date, issue_date: none, has a box too: x-jpdocs-none-value)
    with_box = {key for key, p in fields.items() if "x-jpdocs-none" in p and "x-jpdocs-none-value" not in p}
    assert {("Representative", "title"), ("PressNotice", "issuing_office"), ("Cover", "names")} <= may_be_false
    assert may_be_false == with_box, may_be_false ^ with_box
    assert fields[("Representative", "title")]["x-jpdocs-none"] == "職名なし"
    assert fields[("PressNotice", "issuing_office")]["x-jpdocs-none"] == "発信部署の行なし"


def test_a_save_returns_the_builds_warnings_as_the_preview_does(client):
    """The venue emptied in the form: the preview says the build's warning (the 記 block
    prints no 場所), and the save answered with no word of it, so the officer saw a clean
    save. The save's answer now carries the same notes, in the request's language."""
    status, spec = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    data = spec["data"]
    data["press_notice"]["ceremony"]["venue"] = ""
    del data["press_notice"]["ceremony"]["venue_address"]     # an address with no venue is an error
    ja = {"Accept-Language": "ja"}
    status, shown = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": data}, headers=ja)
    assert status == 200 and shown["problems"] == [], shown["problems"]
    venue = [n["text"] for n in shown["notes"] if "press_notice.ceremony.venue" in n["text"]]
    assert len(venue) == 1 and "場所" in venue[0], shown["notes"]
    status, saved = client.json("POST", "/api/save", {"name": SEED_SPEC.name, "data": data,
                                                      "version": spec["version"]}, headers=ja)
    assert status == 200 and saved["problems"] == []
    assert saved["notes"] == shown["notes"]
    text = (client.app.folder / SEED_SPEC.name).read_text(encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.strip().startswith("venue:"))
    assert f":{line}:" in venue[0] or f"{line}行" in venue[0], (line, venue)


def test_field_label_names_a_key_as_the_form_labels_its_field():
    """A message's key path named by the form's labels (labels.py), outer to inner: a
    list's entry by the list's label and its number, a party by its id as the form's
    legend shows it, a key the schema does not know as written; no key, no field."""
    from jpdocs.app.fields import field_label
    from jpdocs.app.labels import LABELS
    notice, ceremony = LABELS[("Spec", "press_notice")][0], LABELS[("PressNotice", "ceremony")][0]
    assert field_label("press_notice.ceremony.venue") == f"{notice} › {ceremony} › {LABELS[('Ceremony', 'venue')][0]}"
    assert field_label("parties.kitami_it.representative.title") == "協定の当事者 › kitami_it › 代表者 › 職名"
    assert field_label("agreement.areas[0].items[2]") == "協定 › 連携事項 1 › 項目 3"
    assert field_label("agreements.land.title") == "複数の協定 › land › 協定の名称"
    assert field_label("press_notice.subjet") == f"{notice} › subjet"
    assert [field_label(k) for k in ("", "a..b", ".a", "a.[0]")] == [None] * 4


def test_each_warning_and_error_names_its_field_in_the_forms_words_and_a_dropped_key_ends_the_warning(client):
    """The communications officer's audit: the app listed the build's warnings as the
    command line's lines, not at their fields, and an emptied venue (warning: the 記
    prints no 場所; "delete the key") could not be dropped: the form saved it as an
    empty value. Now every message carries its level, its key and the field's name in
    the form's words (the labels of labels.py), its message in the request's language
    (the keys and values it names in the form's words: form_words.py); the form leaves the key out (its 削除 button), and the save writes the
    file without it and says no more of the venue."""
    from jpdocs.app.form_words import in_form_words
    from jpdocs.app.labels import LABELS
    from jpdocs.i18n import messages
    venue_field = " › ".join([LABELS[("Spec", "press_notice")][0], LABELS[("PressNotice", "ceremony")][0],
                              LABELS[("Ceremony", "venue")][0]])
    status, spec = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    data = spec["data"]
    data["press_notice"]["ceremony"]["venue"] = ""             # the box emptied, as the form sends it
    del data["press_notice"]["ceremony"]["venue_address"]
    for language, say in (("ja", messages("ja")), ("en-US", messages(None))):
        status, shown = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": data},
                                    headers={"Accept-Language": language})
        assert status == 200 and shown["problems"] == [], shown["problems"]
        [warning] = [n for n in shown["notes"] if n["key"] == "press_notice.ceremony.venue"]
        assert (warning["level"], warning["label"], warning["field"]) == ("warning", say.label("warning"), venue_field)
        # the build's words, but for how a form takes a key out (its 削除 button: form_words.py)
        said = say.message("left empty, as if not written: the notice prints no 場所;"
                           " write it, or delete the key where it is not yet known")
        assert warning["message"] == in_form_words(said, warning["key"], say.language) != said
        assert "削除" in warning["message"] and "key" not in warning["message"] and "キー" not in warning["message"]
        assert warning["text"].startswith(say.label("warning")) and warning["text"].endswith(
            f": press_notice.ceremony.venue: {warning['message']}")       # the command line's line, as it was
        assert all(n["level"] in ("warning", "note") and n["label"] for n in shown["notes"])
    # an error the same way, at its field in the form's words
    data["press_notice"]["ceremony"]["date"] = "2024-02-30"
    status, shown = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": data},
                                headers={"Accept-Language": "ja"})
    [error] = shown["problems"]
    assert (error["level"], error["label"], error["key"]) == ("error", "エラー:", "press_notice.ceremony.date")
    assert error["field"] == venue_field.replace("場所", LABELS[("Ceremony", "date")][0])
    assert error["text"].endswith(f"press_notice.ceremony.date: {error['message']}")
    data["press_notice"]["ceremony"]["date"] = "2024-02-27"
    # saved empty: the key stays (`venue:`), and so does the warning
    status, saved = client.json("POST", "/api/save", {"name": SEED_SPEC.name, "data": data,
                                                      "version": spec["version"]})
    path = client.app.folder / SEED_SPEC.name
    assert status == 200 and "    venue:\n" in path.read_text(encoding="utf-8")
    assert [n["key"] for n in saved["notes"]].count("press_notice.ceremony.venue") == 1
    # dropped, as the form's 削除 sends it: the key is not in the data
    del data["press_notice"]["ceremony"]["venue"]
    status, saved = client.json("POST", "/api/save", {"name": SEED_SPEC.name, "data": data,
                                                      "version": saved["version"]})
    assert status == 200 and saved["problems"] == [], saved
    assert "press_notice.ceremony.venue" not in [n["key"] for n in saved["notes"]], saved["notes"]
    text = path.read_text(encoding="utf-8")
    gone = [line for line in SEED.splitlines() if line not in text.splitlines()]
    assert gone == ["    venue: オホーツク合同庁舎　１階保健所会議室", "    venue_address: 網走市北７条西３丁目"], gone
    assert [line for line in text.splitlines() if line not in SEED.splitlines()] == []
    assert "venue" not in load_yaml(path)[0]["press_notice"]["ceremony"]
    status, again = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    assert "venue" not in again["data"]["press_notice"]["ceremony"]
    result = run_generate("check", path)
    assert result.returncode == 0 and "venue" not in result.stderr, result.stderr


def test_a_signer_without_a_title_from_the_form_is_title_false_and_back(client):
    """The checkbox sends false: the preview builds with the signer named by the body and
    the name, the save writes `title: false` on its line and nothing else, the form gets
    false back, and the generator builds the file so. Unchecked, the field is an empty
    text: the spec's own check says the title is missing, at its key."""
    status, spec = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    data = spec["data"]
    data["parties"]["kitami_it"]["representative"]["title"] = False
    status, out = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": data})
    assert status == 200 and out["problems"] == [], out["problems"]
    status, saved = client.json("POST", "/api/save", {"name": SEED_SPEC.name, "data": data,
                                                      "version": spec["version"]})
    assert status == 200 and saved["problems"] == []
    path = client.app.folder / SEED_SPEC.name
    text = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(SEED.splitlines(), text.splitlines()) if a != b]
    assert changed == [("      title: 北見工業大学学長", "      title: false")], changed
    assert load_yaml(path)[0]["parties"]["kitami_it"]["representative"] == {"title": False, "name": "鈴木　聡一郎"}
    status, again = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    assert again["data"]["parties"]["kitami_it"]["representative"]["title"] is False
    result = run_generate(path, "-o", path.parent / "out", "--kinds", "press-notice,agreement")
    assert result.returncode == 0, result.stderr
    notice = no_space(pdf_text(path.parent / "out" / path.stem / "press-notice.pdf"))
    assert "北見工業大学鈴木聡一郎様" in notice and "北見工業大学学長" not in notice and "False" not in notice
    # unchecked: an empty text box, as any other
    data["parties"]["kitami_it"]["representative"]["title"] = ""
    status, out = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": data})
    assert [p["key"] for p in out["problems"]] == ["parties.kitami_it.representative.title"], out["problems"]


def test_no_issuing_office_and_a_cover_without_names_from_the_form_and_back(client):
    """issuing_office: false (no office's line under the date) and a cover's names: false
    (the title alone) sent as the form's checkboxes send them: the preview builds, the
    save writes each on its own line and changes nothing else, the form gets false back,
    and the generator builds the files so: the notice's date line is followed by its
    項目, the cover page carries the title and neither party's name."""
    status, spec = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    data = spec["data"]
    data["press_notice"]["issuing_office"] = False
    data["agreement"]["document"]["cover"] = {"names": False}
    status, out = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": data})
    assert status == 200 and out["problems"] == [], out["problems"]
    status, saved = client.json("POST", "/api/save", {"name": SEED_SPEC.name, "data": data,
                                                      "version": spec["version"]})
    assert status == 200 and saved["problems"] == []
    path = client.app.folder / SEED_SPEC.name
    text = path.read_text(encoding="utf-8")
    added = [line for line in text.splitlines() if line not in SEED.splitlines()]
    assert sorted(added) == sorted(["  issuing_office: false", "    cover:", "      names: false"]), added
    assert [line for line in SEED.splitlines() if line not in text.splitlines()] == []
    written = load_yaml(path)[0]
    assert written["press_notice"]["issuing_office"] is False
    assert written["agreement"]["document"]["cover"] == {"names": False}
    status, again = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    assert again["data"]["press_notice"]["issuing_office"] is False
    assert again["data"]["agreement"]["document"]["cover"] == {"names": False}
    result = run_generate(path, "-o", path.parent / "out", "--kinds", "press-notice,agreement")
    assert result.returncode == 0, result.stderr
    notice = no_space(pdf_text(path.parent / "out" / path.stem / "press-notice.pdf"))
    assert "（金）配布項目" in notice and "配布北海道オホーツク総合振興局" not in notice, notice[:120]
    from pypdf import PdfReader
    cover = no_space(PdfReader(path.parent / "out" / path.stem / "agreement.pdf").pages[0].extract_text())
    assert "協定書" in cover and "北見工業大学" not in cover.replace("北海道オホーツク総合振興局と北見工業大学との", ""), cover
    assert "北海道オホーツク総合振興局" not in cover.replace("北海道オホーツク総合振興局と北見工業大学との", "")
    # unchecked: the office's line an empty text, which means the issuer (as an empty box
    # always did); the cover's names left out, each party's name again: both defaults
    data["press_notice"]["issuing_office"] = ""
    del data["agreement"]["document"]["cover"]["names"]
    status, out = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": data})
    assert status == 200 and out["problems"] == [], out["problems"]


def test_the_page_carries_the_token_and_the_list_names_the_specs(client):
    status, page, headers = client.request("GET", "/", token=False)
    assert status == 200 and client.app.token.encode() in page
    # the 新規作成 menu lists every starter the command makes, by its title
    assert b"{{" not in page
    for kind in KINDS:
        assert f'<option value="{kind}">{TITLES[kind]}</option>'.encode() in page
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    status, specs = client.json("GET", "/api/specs", token=False)
    assert specs["specs"] == [SEED_SPEC.name]


@pytest.mark.parametrize("host", ["evil.example:80", "attacker.test", "127.0.0.1", "127.0.0.1.nip.io:8000", ""])
def test_another_host_header_is_refused(client, host):
    host = host or "localhost:1"
    for method, url in (("GET", "/"), ("GET", f"/api/spec?name={SEED_SPEC.name}"), ("GET", "/api/specs")):
        status, payload, _ = client.request(method, url, host=host, token=False)
        assert status == 403, (host, url)
        assert client.app.token.encode() not in payload and "parties".encode() not in payload
    for good in (client.host, f"localhost:{client.app.port}", f"[::1]:{client.app.port}"):
        assert client.request("GET", "/api/specs", host=good)[0] == 200


def test_a_state_changing_request_without_the_token_is_refused(client):
    for token in (False, "wrong"):
        status, out = client.json("POST", "/api/new", {"kind": "notice", "name": "x.yaml"}, token=token)
        assert status == 403 and "token" in out["error"]
        status, out = client.json("POST", "/api/save", {"name": SEED_SPEC.name, "data": {}, "version": "x"},
                                  token=token)
        assert status == 403
    assert not (client.app.folder / "x.yaml").exists()
    assert (client.app.folder / SEED_SPEC.name).read_text(encoding="utf-8") == SEED
    # the right token from another site's page (Origin) is refused too
    status, out = client.json("POST", "/api/new", {"kind": "notice", "name": "x.yaml"},
                              headers={"Origin": "http://evil.example"})
    assert status == 403 and not (client.app.folder / "x.yaml").exists()


@pytest.mark.parametrize("name", ["../outside.yaml", "/tmp/outside.yaml", "sub/x.yaml", "..\\x.yaml", ".hidden.yaml",
                                  "x.txt", "link.yaml"])
def test_a_path_outside_the_folder_is_refused(client, tmp_path, name):
    outside = tmp_path / "outside.yaml"
    outside.write_text(SEED, encoding="utf-8")
    (client.app.folder / "link.yaml").symlink_to(outside)          # a link out of the folder
    status, out = client.json("GET", f"/api/spec?name={name}")
    assert status in (400, 403), out
    status, out = client.json("POST", "/api/save", {"name": name, "data": {"issuer": "x"}, "version": ""})
    assert status in (400, 403)
    if name != "x.txt":                          # new names x.txt.yaml, in the folder
        status, out = client.json("POST", "/api/new", {"kind": "notice", "name": name})
        assert status in (400, 403, 409)
    status, _, _ = client.request("GET", f"/api/download?name={name}&file=press-notice.pdf")
    assert status in (400, 403)
    assert outside.read_text(encoding="utf-8") == SEED
    assert "link.yaml" not in client.json("GET", "/api/specs")[1]["specs"]


def test_a_stale_save_is_refused_and_loses_nothing(client):
    status, first = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    status, second = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    a = json.loads(json.dumps(first["data"]))
    a["press_notice"]["subject"] = "一つ目の窓の件名"
    status, saved = client.json("POST", "/api/save", {"name": SEED_SPEC.name, "data": a, "version": first["version"]})
    assert status == 200 and saved["problems"] == []
    b = json.loads(json.dumps(second["data"]))
    b["issuer"] = "二つ目の窓の発信者"
    status, out = client.json("POST", "/api/save", {"name": SEED_SPEC.name, "data": b, "version": second["version"]})
    assert status == 409 and "changed since you opened it" in out["error"]
    text = (client.app.folder / SEED_SPEC.name).read_text(encoding="utf-8")
    assert "一つ目の窓の件名" in text and "二つ目の窓の発信者" not in text
    # a change by an editor is also detected
    (client.app.folder / SEED_SPEC.name).write_text(text + "# edited\n", encoding="utf-8")
    status, out = client.json("POST", "/api/save", {"name": SEED_SPEC.name, "data": a, "version": saved["version"]})
    assert status == 409


def test_preview_shows_pages_and_puts_each_problem_at_its_key_in_the_command_lines_words(client, tmp_path):
    status, spec = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    data = spec["data"]
    status, out = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": data,
                                                       "dates": {"press_notice.issue_date": "2024-02-16"}})
    assert status == 200 and out["problems"] == []
    assert [d["name"] for d in out["documents"]] == ["press-notice.pdf", "overview.pdf", "agreement.pdf"]
    assert all(p.startswith("data:image/png;base64,") for d in out["documents"] for p in d["pages"])
    assert out["eras"] == {"press_notice.issue_date": "令和６年２月16日（金）"}
    data["press_notice"]["ceremony"]["date"] = "2024-02-30"
    status, out = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": data})
    [problem] = out["problems"]
    assert problem["key"] == "press_notice.ceremony.date"
    bad = tmp_path / "specs" / "bad.yaml"
    bad.write_text(roundtrip.merged_text(SEED, data), encoding="utf-8")
    cli = run_generate("check", bad)
    expected = problem["text"].replace(str(client.app.folder / SEED_SPEC.name), str(bad))
    assert expected in cli.stderr                                   # the same words as the command line
    assert (client.app.folder / SEED_SPEC.name).read_text(encoding="utf-8") == SEED   # a preview writes nothing


def test_deeply_nested_or_broken_requests_are_refused_plainly(client):
    for levels in (60, 100_000):
        deep = b"[" * levels + b'"x"' + b"]" * levels
        status, out = client.json("POST", "/api/preview", raw=b'{"name": "a.yaml", "data": ' + deep + b"}",
                                  headers={"Content-Type": "application/json"})
        assert status == 400 and "nested" in out["error"]
    status, out = client.json("POST", "/api/preview", raw=b"{not json", headers={"Content-Type": "application/json"})
    assert status == 400 and out["error"] == "the request is not valid JSON"
    status, out = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": [[[["x"]]]]})
    assert status == 200 and out["problems"][0]["message"].startswith("a spec is a mapping of keys")


def test_a_spec_that_is_not_yaml_opens_with_the_loaders_message(client):
    (client.app.folder / "broken.yaml").write_text("issuer: x\nparties:\n\tbureau: {}\n", encoding="utf-8")
    status, out = client.json("GET", "/api/spec?name=broken.yaml")
    assert status == 200 and out["data"] is None
    [problem] = out["problems"]
    assert problem["line"] == 3 and "tab character" in problem["message"]
    cli = run_generate("check", client.app.folder / "broken.yaml")
    assert problem["text"] in cli.stderr


def test_previews_at_once_each_get_their_own_answer(client):
    status, spec = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    results = {}

    def ask(i):
        data = json.loads(json.dumps(spec["data"]))
        if i % 2:
            data["press_notice"]["issue_date"] = f"2024-02-{30 + i % 3 - 1}"     # 29 is valid, 30 and 31 are not
        results[i] = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": data})

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, (status, out) in sorted(results.items()):
        assert status == 200
        day = 30 + i % 3 - 1
        if i % 2 and day > 29:
            assert [p["key"] for p in out["problems"]] == ["press_notice.issue_date"]
            assert f"2024-02-{day} is not a valid date" in out["problems"][0]["message"]
        else:
            assert out["problems"] == [] and len(out["documents"]) == 3


def test_a_browser_that_goes_away_mid_answer_leaves_no_traceback(client, capfd):
    import socket
    status, spec = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    body = json.dumps({"name": SEED_SPEC.name, "data": spec["data"]}).encode()
    for _ in range(3):
        sock = socket.create_connection(("127.0.0.1", client.app.port))
        sock.sendall(b"POST /api/preview HTTP/1.1\r\nHost: " + client.host.encode()
                     + b"\r\nContent-Type: application/json\r\nX-JPDocs-Token: " + client.app.token.encode()
                     + b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.close()                                   # a reset, before the pages are drawn
    assert client.json("GET", "/api/specs")[0] == 200
    status, out = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": spec["data"]})
    assert status == 200 and out["problems"] == []
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "Broken pipe" not in captured.err


def test_uploads_are_checked_by_content_limited_and_never_replace(client):
    png = io.BytesIO()
    from PIL import Image
    Image.new("RGB", (20, 10), "red").save(png, "PNG")
    status, out = client.json("POST", "/api/upload?name=logo.png", raw=png.getvalue())
    assert status == 200 and out == {"file": "logo.png"}
    assert (client.app.folder / "logo.png").read_bytes() == png.getvalue()
    status, out = client.json("POST", "/api/upload?name=logo.png", raw=png.getvalue())
    assert status == 409
    status, out = client.json("POST", "/api/upload?name=fake.png", raw=b"<html>not an image</html>")
    assert status == 400 and "not a PNG image" in out["error"]
    status, out = client.json("POST", "/api/upload?name=map.pdf", raw=png.getvalue())
    assert status == 400 and "not a PDF" in out["error"]
    status, out = client.json("POST", "/api/upload?name=../../evil.png", raw=png.getvalue())
    assert status == 200 and out["file"] == "evil.png"               # the folder part is dropped
    status, out = client.json("POST", "/api/upload?name=run.sh", raw=b"#!/bin/sh")
    assert status == 400
    status, _, _ = client.request("POST", "/api/upload?name=big.pdf", raw=b"%PDF-",
                                  headers={"Content-Length": "10000001"})   # refused before it is read
    assert status == 413
    assert not (client.app.folder / "big.pdf").exists() and not (client.app.folder / "fake.png").exists()
    status, _, _ = client.request("POST", "/api/upload?name=x.png", raw=png.getvalue(), token=False)
    assert status == 403


def test_downloads_are_the_built_files_and_a_zip(client):
    status, pdf, headers = client.request("GET", f"/api/download?name={SEED_SPEC.name}&file=press-notice.pdf",
                                          token=False)
    assert status == 200 and pdf.startswith(b"%PDF-") and headers["Content-Type"] == "application/pdf"
    status, data, _ = client.request("GET", f"/api/download?name={SEED_SPEC.name}&file=all.zip", token=False)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    stem = SEED_SPEC.stem
    assert sorted(names) == sorted(f"{stem}/{n}" for n in (
        "press-notice.pdf", "press-notice.docx", "overview.pdf", "overview.docx", "agreement.pdf",
        "agreement.docx", "release.pdf"))
    status, out = client.json("GET", f"/api/download?name={SEED_SPEC.name}&file=../../etc/passwd")
    assert status == 404


def test_done_when_the_seeds_notice_made_from_the_starter_builds_the_same_files(client, tmp_path):
    """What a person fills in the form, sent as the form sends it (every field, empty
    ones as ""), saved over the starter: the command line builds the seed's files."""
    status, spec = client.json("POST", "/api/new", {"kind": "both", "name": "kitami"})
    assert status == 200 and spec["name"] == "kitami.yaml"
    assert spec["data"]["parties"]["party1"]["name"] is None
    form = _as_the_form_sends(spec["data"], roundtrip.plain(roundtrip.load(SEED)))
    status, saved = client.json("POST", "/api/save", {"name": "kitami.yaml", "data": form,
                                                      "version": spec["version"]})
    assert status == 200 and saved["problems"] == [], saved
    saved_text = (client.app.folder / "kitami.yaml").read_text(encoding="utf-8")
    assert saved_text.startswith("# yaml-language-server: $schema=spec.schema.json\n")
    assert "issuer: 北海道オホーツク総合振興局 " in saved_text and "# 文書を出す組織" in saved_text
    ours, seed = tmp_path / "ours", tmp_path / "seed"
    for spec_file, out in ((client.app.folder / "kitami.yaml", ours), (SEED_SPEC, seed)):
        result = run_generate(spec_file, "-o", out)
        assert result.returncode == 0, result.stderr
    ours_files = sorted(p.name for p in (ours / "kitami").iterdir() if not p.name.startswith("."))
    seed_files = sorted(p.name for p in (seed / SEED_SPEC.stem).iterdir() if not p.name.startswith("."))
    assert ours_files == seed_files
    for name in seed_files:
        a, b = (ours / "kitami" / name).read_bytes(), (seed / SEED_SPEC.stem / name).read_bytes()
        if name.endswith(".pdf"):
            assert no_space(pdf_text(ours / "kitami" / name)) == no_space(pdf_text(seed / SEED_SPEC.stem / name))
        assert a == b, name


def _as_the_form_sends(starter: dict, seed: dict):
    """The seed's values typed into the starter's form: the starter's keys stay (empty
    ones as ""), the seed's are filled in, party ids renamed as the seed names them."""
    def fill(old, new):
        if isinstance(new, dict):
            out = {k: "" if v is None else fill(v, None) for k, v in (old or {}).items()} \
                if isinstance(old, dict) else {}
            for k, v in new.items():
                out[k] = fill(old.get(k) if isinstance(old, dict) else None, v)
            return out
        if new is None:
            if isinstance(old, dict):
                return {k: fill(v, None) for k, v in old.items()}
            if isinstance(old, list):
                return []
            return "" if old is None else old
        return new
    form = fill(starter, seed)
    form["parties"] = {k: fill(None, v) for k, v in seed["parties"].items()}   # ids renamed in the form
    return form


# ---------------------------------------------------------------- messages in Japanese

PO = Path(__file__).resolve().parent.parent / "jpdocs" / "app" / "locale" / "ja" / "LC_MESSAGES" / "jpdocs-app.po"


def _po_entries(text: str) -> dict[str, str]:
    """msgid → msgstr of a .po file (the plain subset this catalogue uses)."""
    entries, key, current = {}, None, {}
    for line in text.splitlines() + [""]:
        if line.startswith(("msgid ", "msgstr ")):
            key, _, rest = line.partition(" ")
            current[key] = json.loads(rest)
        elif line.startswith('"') and key:
            current[key] += json.loads(line)
        elif not line.strip() and current:
            entries[current["msgid"]] = current["msgstr"]
            current, key = {}, None
    return entries


def _app_messages() -> set[str]:
    import ast
    found = set()
    for source in (PO.parents[3]).glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("Msg", "_")
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def test_every_message_of_the_app_has_its_japanese_with_the_same_placeholders():
    entries = _po_entries(PO.read_text(encoding="utf-8"))
    messages = {m for m in _app_messages() if re.sub(r"\{\w+\}", "", m).strip(": ")}   # not bare "{message}"
    assert len(messages) > 30
    assert messages - set(entries) == set()
    assert set(entries) - {""} - messages == set()                     # nothing stale either
    for msgid in messages:
        assert entries[msgid] and re.search(r"[ぁ-んァ-ン一-龯]", entries[msgid]), msgid
        assert sorted(re.findall(r"\{\w+\}", msgid)) == sorted(re.findall(r"\{\w+\}", entries[msgid])), msgid


def test_the_compiled_catalogue_agrees_with_the_po_file():
    import gettext
    with open(PO.with_suffix(".mo"), "rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    for msgid, msgstr in _po_entries(PO.read_text(encoding="utf-8")).items():
        if msgid:
            assert compiled.gettext(msgid) == msgstr, msgid


def test_the_server_speaks_the_browsers_language(client):
    for language, expected in (("ja,en-US;q=0.9", "トークンがないか違います"), ("ja-JP", "トークンがないか違います"),
                               ("en-US,en;q=0.9,ja;q=0.8", "missing or wrong token"), (None, "missing or wrong token"),
                               ("fr, ja;q=0.5", "トークンがないか違います")):
        headers = {"Accept-Language": language} if language else {}
        status, out = client.json("POST", "/api/new", {"kind": "notice", "name": "x.yaml"}, token="bad",
                                  headers=headers)
        assert status == 403 and out["error"].startswith(expected), (language, out)
    status, out = client.json("POST", "/api/upload?name=fake.png", raw=b"no", headers={"Accept-Language": "ja"})
    assert out["error"] == "fake.png: PNG 画像ではありません"


def test_the_commands_speak_the_environments_language(tmp_path):
    (tmp_path / "x.yaml").write_text("issuer: x\n", encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    ja = run_generate("new", "notice", tmp_path / "x.yaml", env={**base, "LANG": "ja_JP.UTF-8"})
    assert ja.returncode == 1 and ja.stderr == f"エラー: {tmp_path / 'x.yaml'}: すでにあります。別のファイル名にしてください\n"
    en = run_generate("new", "notice", tmp_path / "x.yaml", env={**base, "LANG": "C.UTF-8"})
    assert en.returncode == 1 and en.stderr == f"error: {tmp_path / 'x.yaml'}: exists already; name another file\n"


# ---------------------------------------------------------------- a real spec edited in the app

REAL = SEED_SPEC.parent.parent / "tests" / "data" / "real"


def _as_the_form_shows(data):
    """What the form sends back of a spec it opened: every null as an empty box ("")."""
    if isinstance(data, dict):
        return {k: _as_the_form_shows(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_as_the_form_shows(v) for v in data]
    return "" if data is None else data


@pytest.fixture
def real_client(tmp_path):
    """The app on a folder holding real specs, their house styles and photos."""
    import shutil
    folder = tmp_path / "specs"
    folder.mkdir()
    for case in ("kashima-houmukyoku-2018", "jamstec-yokohama-2017", "nagi-toyooka-2016"):
        shutil.copy(REAL / f"{case}.yaml", folder)
    shutil.copytree(REAL / "styles", folder / "styles")
    shutil.copytree(REAL / "photos", folder / "photos")
    c = Client(folder)
    yield c
    c.close()


@pytest.mark.parametrize("case, suffix", [("jamstec-yokohama-2017", '""'), ("kashima-houmukyoku-2018", '"　"')])
def test_an_edit_of_one_fact_keeps_an_empty_date_suffix_the_file_holds(real_client, case, suffix):
    """A real notice opened in the app, its subject changed, saved: the file changes on
    the subject's line alone, and the notice still prints the date without 配布. Before,
    the form's empty box for `date_suffix: ""` (or a full-width space) was saved as no key
    at all, so the default 配布 was printed after the date: 90 of the real specs so."""
    name = f"{case}.yaml"
    path = real_client.app.folder / name
    before = path.read_text(encoding="utf-8")
    assert f"  date_suffix: {suffix}" in before
    status, spec = real_client.json("GET", f"/api/spec?name={name}")
    data = _as_the_form_shows(spec["data"])
    assert data["press_notice"]["date_suffix"] == json.loads(suffix)
    data["press_notice"]["subject"] = "件名を直した"
    status, out = real_client.json("POST", "/api/preview", {"name": name, "data": data})
    assert status == 200 and out["problems"] == [], out
    status, saved = real_client.json("POST", "/api/save", {"name": name, "data": data, "version": spec["version"]})
    assert status == 200 and saved["problems"] == [], saved
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(before.splitlines()) == len(after.splitlines()) and len(changed) == 1, changed
    assert changed[0][1] == "  subject: 件名を直した"
    result = run_generate(path, "-o", path.parent / "out", "--kinds", "press-notice")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(path.parent / "out" / case / "press-notice.pdf"))
    assert "件名を直した" in text and "配布" not in text


def test_a_save_whose_text_would_not_read_back_writes_nothing_and_names_the_key(real_client):
    """nagi-toyooka-2016's 記 list (`- {item: …}   # comment`, `- place`, `- label: …`)
    is one that ruamel.yaml's emitter writes broken (`- place   -`): an edit of the
    subject saved it unreadable, and the preview showed a YAML error at a line the user
    never wrote. Now the text is read back before it is written: the save and the
    preview are refused, naming the field by its label in the officer's language (the
    key after it, for a bug report), the file unchanged."""
    name = "nagi-toyooka-2016.yaml"
    path = real_client.app.folder / name
    before = path.read_bytes()
    status, spec = real_client.json("GET", f"/api/spec?name={name}")
    data = _as_the_form_shows(spec["data"])
    data["press_notice"]["subject"] = "件名を直した"
    ja = {"Accept-Language": "ja"}
    status, out = real_client.json("POST", "/api/save", {"name": name, "data": data, "version": spec["version"]},
                                   headers=ja)
    assert status == 500, out
    # the field as the form labels it, then the key, for a bug report, after it
    assert out["error"].startswith(f"{name}: 「報道発表（報道機関各位） › 記の項目 3 › 項目名」の欄のところで"), out
    assert out["error"].index("」の欄") < out["error"].index("press_notice.ki[2].label"), out
    assert "何も書き込んでおらず" in out["error"]
    assert path.read_bytes() == before
    status, out = real_client.json("POST", "/api/preview", {"name": name, "data": data})
    assert status == 500 and "at the field 「報道発表（報道機関各位） › 記の項目 3 › 項目名」" in out["error"], out
    assert "for a bug report: press_notice.ki[2].label" in out["error"] and "nothing was written" in out["error"]


def test_a_dropped_key_keeps_the_comment_lines_of_what_follows():
    """ruamel.yaml holds the whole-line comments after a value on that value's last
    item: a key dropped in the form (its 削除 button, a row, a block) took the comment
    above the next key with it. Now they stay, before what they describe; the dropped
    key's own comment, on its line, goes with it."""
    text = ("x:\n  a: 1\n  # about b\n  b: 2\n  c:   # c\n    - 1\n    - 2   # two\n"
            "  # about d\n  d: 4\ny: 5\n")
    for key in ("a", "b", "c", "d"):
        data = roundtrip.plain(roundtrip.load(text))
        del data["x"][key]
        out = roundtrip.checked_text(text, data)
        own = {"a": ["  a: 1"], "b": ["  b: 2"], "c": ["  c:   # c", "    - 1", "    - 2   # two"],
               "d": ["  d: 4"]}[key]
        assert [line for line in text.splitlines() if line not in out.splitlines()] == own, (key, out)
        assert out.index("# about d") < out.index("d: 4") if key != "d" else "# about d" in out
    data = roundtrip.plain(roundtrip.load(text))
    data["x"]["c"].pop()                                       # the list's last row
    assert roundtrip.checked_text(text, data).splitlines()[5:7] == ["    - 1", "  # about d"]


def test_a_row_removed_or_added_in_a_list_keeps_every_other_rows_comments():
    """Rows were merged by position: a row removed from the middle of a list gave its
    comment to the row after it (`- B   # about A`) and the last row's comment was lost;
    the first row's removal lost the comment lines above the second. Now the rows kept
    keep their own lines, a row added in the middle is written at its place, and the
    comment lines above a row stay above it."""
    text = ("opening:   # the paragraphs\n  - A   # about A\n  - B   # about B\n  # above C\n"
            "  - C   # about C\nafter: x\n")
    lines = text.splitlines()

    def saved(rows):
        return roundtrip.checked_text(text, {"opening": rows, "after": "x"}).splitlines()

    assert saved(["A", "C"]) == [lines[0], lines[1], lines[3], lines[4], lines[5]]
    assert saved(["B", "C"]) == [lines[0], lines[2], lines[3], lines[4], lines[5]]
    assert saved(["C"]) == [lines[0], lines[3], lines[4], lines[5]]
    assert saved(["A", "X", "B", "C"]) == [lines[0], lines[1], "  - X", *lines[2:]]
    # an edited row keeps its place and its comment, beside a row removed
    assert saved(["A2", "C"]) == [lines[0], "  - A2  # about A", lines[3], lines[4], lines[5]]
    plain_text = text.replace("   # the paragraphs", "")
    out = roundtrip.checked_text(plain_text, {"opening": ["C"], "after": "x"}).splitlines()
    assert out == ["opening:", "  # above C", "  - C   # about C", "after: x"]


def test_checked_text_names_the_first_key_that_differs():
    assert roundtrip.first_difference({"a": [1, {"b": True}]}, {"a": [1, {"b": 1}]}) == "a[1].b"   # true is not 1
    assert roundtrip.first_difference({"a": [1]}, {"a": [1, 2]}) == "a[1]"
    assert roundtrip.first_difference({"a": "x"}, {"a": "x", "c": None}) == "c"
    assert roundtrip.first_difference({"a": {"b": "x"}}, {"a": {"b": "x"}}) is None


@pytest.mark.slow
def test_a_save_with_no_edit_changes_no_real_spec():
    """Every spec of tests/data/real and specs/ opened and sent back as the form sends it
    (nulls as empty boxes): the text written is the file's (a null spelt `null` is
    written empty, the same value), or the save is refused, naming the key; never a
    text that says something else. The two refused are ruamel.yaml's emitter's fault
    (see test_a_save_whose_text_would_not_read_back_writes_nothing_and_names_the_key)."""
    refused, changed = {}, {}
    for spec in sorted([*REAL.glob("*.yaml"), *SEED_SPEC.parent.glob("*.yaml")]):
        if spec.name.endswith(".facts.yaml"):
            continue
        text = spec.read_text(encoding="utf-8")
        data = roundtrip.plain(roundtrip.load(text))
        try:
            out = roundtrip.checked_text(text, formdata.normalize(_as_the_form_shows(data), old=data))
        except roundtrip.NotReadBack as exc:
            refused[spec.name] = exc.key
            continue
        spelt_empty = re.sub(r"(?m)^(\s*(?:- )?[\w-]+:) null( +#|$)",       # its comment where it stood
                             lambda m: m[1] + (" " * 5 + m[2] if m[2] else ""), text)
        if out != spelt_empty:
            changed[spec.name] = [b for a, b in zip(text.splitlines(), out.splitlines()) if a != b][:3]
    assert changed == {}, changed
    assert refused == {"kankocho-bunka-2013.yaml": "press_notice.ki[2].label",
                       "nagi-toyooka-2016.yaml": "press_notice.ki[2].label"}, refused


def test_a_file_with_a_day_the_calendar_lacks_opens_and_the_build_names_the_key(client):
    """A date written 2024-02-30 in the file: ruamel.yaml's reader raised "day is out of
    range for month" and the app could not open the spec, showing that with no line or
    key, where jpdocs's loader reads the date as text and the build names its key. The
    form now opens it as written, the preview names the key and its line, a save of an
    unchanged form keeps the line as the file writes it, and the corrected date saves."""
    path = client.app.folder / SEED_SPEC.name
    assert SEED.count("    date: 2024-02-27\n") == 1
    path.write_text(SEED.replace("    date: 2024-02-27\n", "    date: 2024-02-30\n"), encoding="utf-8")
    line = SEED.splitlines().index("    date: 2024-02-27") + 1
    status, spec = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    assert status == 200 and spec["problems"] == [], spec["problems"]
    data = spec["data"]
    assert data["press_notice"]["ceremony"]["date"] == "2024-02-30"
    status, shown = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": data})
    assert [(p["key"], p["line"]) for p in shown["problems"]] == [("press_notice.ceremony.date", line)], shown
    status, saved = client.json("POST", "/api/save", {"name": SEED_SPEC.name, "data": data,
                                                      "version": spec["version"]})
    assert status == 200, saved
    assert path.read_text(encoding="utf-8").splitlines()[line - 1] == "    date: 2024-02-30"
    data["press_notice"]["ceremony"]["date"] = "2024-02-27"
    status, saved = client.json("POST", "/api/save", {"name": SEED_SPEC.name, "data": data,
                                                      "version": saved["version"]})
    assert status == 200 and saved["problems"] == [], saved
    assert path.read_text(encoding="utf-8") == SEED


@pytest.mark.parametrize("typed, said", [
    ("2024/2/30", ["2024/2/30 is not a valid date: 2024年2月 has 29 days"]),
    ("令和6年2月30日", ["令和6年2月30日 is not a valid date: 2024年2月 has 29 days"]),
    ("2024年2月30日", ["2024年2月30日 is no day of the calendar (2024-02-30): correct it to the day the document means",
                     "'2024年2月30日' is not a valid date; write it as YYYY-MM-DD (2024-02-27) or 令和6年2月27日"])])
def test_a_day_the_calendar_lacks_typed_into_the_form_is_one_problem(client, typed, said):
    """A new user types the ceremony's date as 2024/2/30: the schema's reading said
    "2024年2月 has 29 days" and the text check, reading the same value as a text's date,
    said "is no day of the calendar" at the same key: two red lines at one field for one
    mistake. The schema's words alone are shown, where they say what is wrong with the
    day; of a form the schema does not read (2024年2月30日) they say only the form, and
    the text check's words say the day."""
    status, spec = client.json("GET", f"/api/spec?name={SEED_SPEC.name}")
    data = spec["data"]
    data["press_notice"]["ceremony"]["date"] = typed
    status, out = client.json("POST", "/api/preview", {"name": SEED_SPEC.name, "data": data})
    assert status == 200
    assert [(p["key"], p["message"]) for p in out["problems"]] == [("press_notice.ceremony.date", m) for m in said], \
        [p["message"] for p in out["problems"]]
