"""Pictures (a party's logo) as both writers can embed them.

A logo may be anything someone saved as .png or .jpg: a 6000×4000 photo, a CMYK
JPEG from a print shop, a 30000×30000 image that decodes to gigabytes. So:

- the file is read as any file a spec names (files.py: a regular file, at most
  MAX_BYTES), and must be a PNG or a JPEG;
- its dimensions are read from its header, before anything is decoded: more than
  MAX_PIXELS is refused (decoding 12000×12000 took 1.5 GB);
- a CMYK JPEG (Photoshop's "Adobe" kind) is converted to RGB, with its colour
  profile where it has one: python-docx cannot read it, and PDF viewers disagree
  on its colours. A JPEG without a JFIF or Exif header, which python-docx cannot
  read either, is written again as one;
- a picture with more than twice the pixels its printed size needs (600 dpi) is
  scaled down to PRINT_DPI at that size: a 20 MB photo in a 160×40pt box becomes
  a few KB, in the PDF and in the DOCX alike.

Anything else is embedded as it is, byte for byte. The result is cached by the
file's content and the box, so `check`, the PDF and the DOCX decode a photo once.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import fail
from ..files import FileRefused, read_regular_file
from ..sha import sha256

MAX_BYTES = 100_000_000       # a logo is a few hundred KB; a 75 MB photo must still be scaled down
MAX_PIXELS = 60_000_000       # a 60-megapixel camera; ~240 MB decoded, before scaling down
PRINT_DPI = 300
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


class ImageRefused(Exception):
    """A picture that cannot be used; str() says why, naming the file (never its content)."""


@dataclass(frozen=True)
class Picture:
    """A checked logo or seal image."""
    data: bytes                # PNG or JPEG bytes, ready to embed
    width: int                 # pixels
    height: int


# (msg_what: "logo", "photo" or "picture", the word the messages name the file by; a
# hole named msg… is translated with the message, jpdocs/i18n.py)
def check(path: Path | str, msg_what: str = "logo") -> str | None:
    """Why the picture at `path` cannot be used, or None. Reads its header only
    (and, for a PNG, its checksums), not its pixels."""
    try:
        data = _read(path, msg_what)
        with _open(data, path, msg_what) as img:
            img.verify()
    except ImageRefused as exc:
        return str(exc)
    except Exception:               # Pillow's errors for a damaged file are of many kinds
        return f"the {msg_what} {path} is damaged and cannot be read"
    return None


def picture(path: Path | str, box_width: float, box_height: float, msg_what: str = "logo") -> Picture:
    """The picture at `path`, ready to be printed in a box of box_width × box_height
    points (see the module docstring). Raises ImageRefused."""
    data = _read(path, msg_what)
    key = (sha256(data).digest(), box_width, box_height)
    if key not in _PREPARED:
        if len(_PREPARED) >= 32:                       # a batch's logos; the oldest goes
            del _PREPARED[next(iter(_PREPARED))]
        _PREPARED[key] = _prepare(data, str(path), msg_what, box_width, box_height)
    return _PREPARED[key]


_PREPARED: dict[tuple, Picture] = {}    # by content and box: check, PDF and DOCX decode once


def _read(path, msg_what: str) -> bytes:
    try:
        data = read_regular_file(path, MAX_BYTES, msg_what)
    except FileRefused as exc:
        raise ImageRefused(f"{msg_what} file not found: {path} (a {msg_what} path is relative to the spec file)"
                           if exc.reason == "does not exist" else str(exc)) from None
    if not data.startswith((_PNG, _JPEG)):
        raise ImageRefused(f"the {msg_what} {path} is not a PNG or JPEG file")
    return data


def _open(data: bytes, path, msg_what: str):
    """The image, opened (its header read, nothing decoded) and within MAX_PIXELS."""
    from PIL import Image      # reportlab's own image library; imported when a spec has a picture
    # Pillow's own limit (a warning on stderr, an error at twice it) is set aside for
    # the opening, which reads the header only: ours is lower, and says the size.
    limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        img = Image.open(io.BytesIO(data), formats=("PNG", "JPEG"))
    except Exception:
        raise ImageRefused(f"the {msg_what} {path} is damaged and cannot be read") from None
    finally:
        Image.MAX_IMAGE_PIXELS = limit
    width, height = img.size
    if width * height > MAX_PIXELS:
        img.close()
        raise ImageRefused(f"the {msg_what} {path} is {width:,} × {height:,} pixels ({width * height / 1e6:,.0f} million);"
                           f" at most {MAX_PIXELS // 1_000_000} million are accepted: scale it down"
                           " (a logo printed 160 × 40 pt needs about 700 × 200)")
    return img


def _prepare(data: bytes, path: str, msg_what: str, box_width: float, box_height: float) -> Picture:
    try:
        with _open(data, path, msg_what) as img:
            return _fit(img, data, box_width, box_height)
    except ImageRefused:
        raise
    except MemoryError:
        raise ImageRefused(f"the {msg_what} {path} is too large to decode: scale it down") from None
    except Exception:
        raise ImageRefused(f"the {msg_what} {path} is damaged and cannot be read") from None


def _fit(img, data: bytes, box_width: float, box_height: float) -> Picture:
    """The embeddable picture: the original bytes when they serve, else a converted
    or scaled-down copy."""
    from PIL import Image, ImageCms
    width, height = img.size
    fmt = img.format
    # Printed size: the box, aspect kept; the pixels that size needs at PRINT_DPI.
    points_per_pixel = min(box_width / width, box_height / height)
    factor = points_per_pixel * PRINT_DPI / 72
    too_fine = factor < 0.5                      # over 600 dpi as printed
    cmyk = img.mode in ("CMYK", "YCCK")
    docx_unreadable = fmt == "JPEG" and data[6:10] not in (b"JFIF", b"Exif")
    if not (too_fine or cmyk or docx_unreadable or img.mode not in _MODES[fmt]):
        return Picture(data, width, height)
    size = (max(1, round(width * factor)), max(1, round(height * factor))) if too_fine else (width, height)
    if fmt == "JPEG":
        img.draft(img.mode, size)                # decode at 1/2 … 1/8 scale where that still suffices
    img.load()
    if cmyk:
        img = _to_rgb(img, ImageCms)
    elif img.mode not in _MODES[fmt]:
        img = img.convert("RGBA" if "A" in img.mode or "transparency" in img.info else "RGB")
    if img.mode == "P":                          # resample in full colour, not in palette indices
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    if img.size != size:
        img = img.resize(size, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if fmt == "JPEG":
        img.save(out, "JPEG", quality=90, optimize=True)
    else:
        img.save(out, "PNG", optimize=False)
    return Picture(out.getvalue(), *img.size)


# Modes each format is embedded in as it is, by reportlab and by Word.
_MODES = {"PNG": {"1", "L", "LA", "P", "RGB", "RGBA"}, "JPEG": {"L", "RGB"}}


def _to_rgb(img, ImageCms):
    """A CMYK image in RGB: through its own colour profile into sRGB where it has
    one (the colours it was made with), else by Pillow's plain formula."""
    profile = img.info.get("icc_profile")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            return ImageCms.profileToProfile(img, source, ImageCms.createProfile("sRGB"), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass                                     # a damaged profile: the plain formula
    return img.convert("RGB")


def embed_bytes(image) -> bytes:
    """The bytes a writer embeds for a model Image: prepared by the build, or (for a
    model made elsewhere) prepared now."""
    if image.data is not None:
        return image.data
    try:
        return picture(image.src, image.width, image.height).data
    except ImageRefused as exc:
        raise fail(image.src, str(exc)) from None
