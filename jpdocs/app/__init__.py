"""The local app for office staff (python generate.py serve): a form made from the
spec's schema, a live preview made by the real build, and saving that keeps the YAML
file (its comments and key order) the source.

    schema_export.py  the spec's models as JSON Schema, with Japanese labels (labels.py)
    json_schema.py    a model's JSON Schema, written as pydantic's model_json_schema wrote it
    formdata.py       what the form sends ("" for an empty box) → what a spec says (null, or the default)
    roundtrip.py      form data → the spec's YAML, comments kept (ruamel.yaml)
    starters.py       commented starter specs (generate.py new)
    preview.py        form data → the build's files in memory → page images and problems
    spec_folder.py    what a request does in the spec folder: open, preview, save, new, upload, download
    server.py         the local HTTP server and its safety rules
    commands.py       the serve / new / schema subcommands
    i18n.py, locale/  the app's own messages in Japanese where the reader is (gettext; the
                      language choice and the build's messages are ../i18n.py's)
    static/           the page: plain HTML, CSS and JavaScript, no build step

Nothing here is imported by the build: the command line loads it only for its own
subcommands.
"""
