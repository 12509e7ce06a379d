"""What a build found of its templates (render's `found`) answers Jinja's reload check
only in the thread rendering that build: the app's threads share an environment, and
another thread's build checks the file on disk itself."""
from __future__ import annotations

import threading

from jpdocs.content import templating


def test_what_one_thread_found_is_not_read_by_another(tmp_path):
    template = tmp_path / "t.xml.j2"
    template.write_text("x", encoding="utf-8")
    read_as = templating._identity(str(template))
    # this thread's build found the name in another folder: the compiled copy is not current
    templating._rendering.found = {"t.xml.j2": (tmp_path / "user" / "t.xml.j2", read_as)}
    try:
        assert templating._unchanged("t.xml.j2", str(template), read_as) is False
        seen = []
        other = threading.Thread(target=lambda: seen.append(templating._unchanged("t.xml.j2", str(template), read_as)))
        other.start()
        other.join()
        assert seen == [True]            # the file itself, unchanged
    finally:
        templating._rendering.found = None


def test_a_render_leaves_no_found_templates_behind(tmp_path):
    from jpdocs.spec.style import load_style
    (tmp_path / "t.xml.j2").write_text("<p>x</p>", encoding="utf-8")
    found = {"t.xml.j2": (tmp_path / "t.xml.j2", templating._identity(str(tmp_path / "t.xml.j2")))}
    assert templating.render("t.xml.j2", {}, load_style(), folder=tmp_path, found=found) == "<p>x</p>"
    assert getattr(templating._rendering, "found", None) is None
