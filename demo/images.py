"""Pictures for the demo, drawn with Pillow at load time: no binary files in the repository.

Every drawing is seeded from the picture's title, so the same picture always
comes out the same.
"""

import io
import random
from functools import cache

from PIL import Image, ImageDraw, ImageOps

from demo.drawing import PALETTES, font, mix
from demo.scenes import SCENES
from demo.specs import Picture

JPEG_QUALITY = 82


def render(picture: Picture) -> bytes:
    """The picture as JPEG bytes."""
    return _render(picture)


@cache
def _render(picture):
    # Cached: a picture is a pure function of its description, and the test
    # suite loads the demo more than once per process.
    rng = random.Random(picture.title)
    palette = PALETTES[picture.palette]
    canvas = SCENES[picture.scene](picture.size, rng, palette, picture)
    if picture.poster:
        _poster_layout(canvas, palette, picture.lines)
    canvas = _finish(canvas)
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


def _poster_layout(canvas, pal, lines):
    """Billing over a scene: lines are (title, tagline, top names, platform, credits block)."""
    title, tagline, names, platform, credits = (list(lines) + [""] * 5)[:5]
    w, h = canvas.size
    shade = Image.linear_gradient("L").resize((w, h * 3 // 5))
    canvas.paste((0, 0, 0), (0, h - shade.size[1], w, h), shade.point(lambda v: int(v * 0.92)))
    top_shade = ImageOps.flip(shade).resize((w, h // 5))
    canvas.paste((0, 0, 0), (0, 0, *top_shade.size), top_shade.point(lambda v: int(v * 0.7)))
    draw = ImageDraw.Draw(canvas)
    names_lines, names_font = _fit(names.upper(), w * 0.92, int(h * 0.022), max_lines=1)
    draw.text((w / 2, h * 0.05), names_lines[0], font=names_font, fill=pal.light, anchor="mm")
    draw.text(
        (w / 2, h * 0.1), tagline, font=font("serif", int(h * 0.024)), fill=pal.light, anchor="mm"
    )
    title_lines, title_font = _fit(title.upper(), w * 0.86, int(h * 0.11), max_lines=3)
    line_h = title_font.size * 1.05
    y = h * 0.8 - line_h * len(title_lines)
    for line in title_lines:
        draw.text((w / 2, y), line, font=title_font, fill=pal.light, anchor="mt")
        y += line_h
    small = font("condensed", int(h * 0.013))
    for i, text in enumerate(credits.upper().split("|")):
        draw.text(
            (w / 2, h * 0.86 + i * h * 0.018),
            text.strip(),
            font=small,
            fill=mix(pal.light, (0, 0, 0), 0.25),
            anchor="mm",
        )
    draw.text(
        (w / 2, h * 0.95),
        platform.upper(),
        font=font("bold", int(h * 0.026)),
        fill=pal.accent,
        anchor="mm",
    )


def _fit(text, max_width, size, max_lines):
    """Wrap `text` into at most `max_lines` lines, shrinking the font until it fits."""
    words = text.split()
    while size > 12:
        text_font = font("bold", size)
        lines, current = [], ""
        for word in words:
            candidate = f"{current} {word}".strip()
            if text_font.getlength(candidate) <= max_width or not current:
                current = candidate
            else:
                lines.append(current)
                current = word
        lines.append(current)
        if len(lines) <= max_lines and all(
            text_font.getlength(line) <= max_width for line in lines
        ):
            return lines, text_font
        size = int(size * 0.9)
    return [text], font("bold", 12)


def _finish(canvas):
    """Vignette and a little grain, so flat colour reads like a photograph."""
    canvas.paste((0, 0, 0), (0, 0, *canvas.size), _vignette(canvas.size))
    return Image.blend(canvas, _grain(canvas.size), 0.05)


@cache
def _vignette(size):
    return Image.radial_gradient("L").point(lambda v: int(max(0, v - 150) * 1.1)).resize(size)


@cache
def _grain(size):
    return Image.effect_noise((size[0] // 2, size[1] // 2), 40).resize(size).convert("RGB")
