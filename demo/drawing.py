"""Building blocks for the demo's pictures: palettes, light, haze, silhouettes and type."""

import math
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageColor, ImageDraw, ImageFilter, ImageFont


@dataclass(frozen=True)
class Palette:
    top: tuple  # sky or backdrop, top edge
    bottom: tuple  # sky or backdrop, bottom edge
    glow: tuple  # lights, suns, screens
    dark: tuple  # silhouettes
    mid: tuple
    light: tuple  # text
    accent: tuple


PALETTE_COLOURS = {
    # name: top, bottom, glow, dark, mid, light, accent
    "dusk": "#1c1840 #ee7e48 #ffc880 #120e1e #4e345c #fae4c4 #e45446",
    "teal": "#082636 #308086 #facc80 #05121a #164852 #def2ec #f0963c",
    "fen": "#808c84 #d2d2c0 #f4eed4 #222a24 #606e60 #eeece0 #a83a28",
    "velvet": "#340816 #802030 #ffd288 #1c060c #5c1e2a #f6deb6 #daac54",
    "space": "#030512 #1a1440 #9cccff #02020a #423680 #e8eeff #78dee6",
    "neon": "#0e081a #36103e #ff54b6 #08040c #4a204a #ffe8f2 #40e8e8",
    "rust": "#3a1610 #d67034 #ffd48e #1a0c08 #7a3c24 #faeace #265c70",
    "mono": "#1a1a1e #707076 #f2f2ec #0a0a0c #46464c #eeeeec #ce2a2a",
    "sunny": "#fac654 #f67660 #fff6cc #3e1a2a #c85850 #fffaee #2458a0",
    "forest": "#12281e #4a7052 #eaf0c0 #0a140e #284632 #e8f0de #e8ac3e",
    "paper": "#f4ecde #e8dac8 #f6c454 #1c1e2a #386296 #faf6ee #de4e3e",
}
PALETTES = {
    name: Palette(*(ImageColor.getrgb(colour) for colour in colours.split()))
    for name, colours in PALETTE_COLOURS.items()
}


@cache
def vertical_mask(size):
    return Image.linear_gradient("L").resize((1, size[1])).resize(size, Image.Resampling.NEAREST)


def gradient(size, top, bottom):
    mask = vertical_mask(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def glow(canvas, centre, radius, color, strength=1.0):
    """A soft round light, brightest in the middle."""
    radius = max(int(radius), 2)
    mask = falloff(strength).resize((radius * 2, radius * 2), Image.Resampling.BILINEAR)
    left, top = int(centre[0]) - radius, int(centre[1]) - radius
    canvas.paste(color, (left, top, left + radius * 2, top + radius * 2), mask)


@cache
def falloff(strength):
    """A round mask: full at the centre, fading to nothing at the edge of its square."""
    # Pillow's radial gradient reaches 255 in the corners, about 181 at the edges.
    return Image.radial_gradient("L").point(
        lambda v: int(255 * strength * max(0.0, 1 - v / 181) ** 2)
    )


def mist(canvas, ellipses, color, blur=10, opacity=0.7):
    """Soft banks of haze: ellipses drawn at quarter size, blurred and laid over the canvas."""
    width, height = canvas.size
    small = Image.new("L", (width // 4, height // 4), 0)
    draw = ImageDraw.Draw(small)
    for box in ellipses:
        draw.ellipse([value / 4 for value in box], fill=int(255 * opacity))
    mask = small.filter(ImageFilter.GaussianBlur(blur)).resize(
        canvas.size, Image.Resampling.BILINEAR
    )
    canvas.paste(color, (0, 0, *canvas.size), mask)


def mix(a, b, t):
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def ridge(rng, width, base, roughness, steps=24):
    """Points of a hilly skyline from left to right, around height `base`."""
    points, y = [], base
    for i in range(steps + 1):
        y = base + (y - base) * 0.6 + rng.uniform(-roughness, roughness)
        points.append((width * i / steps, y))
    return points


def person(draw, x, foot_y, height, color, hair="short"):
    """A standing figure in silhouette, `x` its centre."""
    head = height * 0.13
    shoulders = height * 0.26
    top = foot_y - height
    draw.ellipse([x - head / 2, top, x + head / 2, top + head * 1.2], fill=color)
    if hair == "long":
        draw.rounded_rectangle(
            [x - head * 0.6, top + head * 0.3, x + head * 0.6, top + head * 2.1],
            radius=head / 2,
            fill=color,
        )
    body_top = top + head * 1.25
    draw.polygon(
        [
            (x - shoulders / 2, body_top + head * 0.3),
            (x + shoulders / 2, body_top + head * 0.3),
            (x + shoulders * 0.38, foot_y - height * 0.45),
            (x + shoulders * 0.3, foot_y),
            (x - shoulders * 0.3, foot_y),
            (x - shoulders * 0.38, foot_y - height * 0.45),
        ],
        fill=color,
    )
    draw.rounded_rectangle(
        [x - shoulders / 2, body_top, x + shoulders / 2, body_top + head],
        radius=head / 3,
        fill=color,
    )


def bust(draw, x, y, scale, color, hair):
    """Head and shoulders for portraits; (x, y) is the top of the head."""
    head_w, head_h = 0.3 * scale, 0.4 * scale
    if hair == "long":
        draw.rounded_rectangle(
            [x - head_w * 0.62, y - head_h * 0.04, x + head_w * 0.62, y + head_h * 1.35],
            radius=head_w * 0.45,
            fill=color,
        )
    elif hair == "curly":
        for angle in range(0, 360, 30):
            cx = x + math.cos(math.radians(angle)) * head_w * 0.48
            cy = y + head_h * 0.4 + math.sin(math.radians(angle)) * head_h * 0.45
            r = head_w * 0.24
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=color)
    elif hair == "bun":
        r = head_w * 0.22
        draw.ellipse([x - r, y - r * 1.5, x + r, y + r * 0.5], fill=color)
    draw.ellipse([x - head_w / 2, y, x + head_w / 2, y + head_h], fill=color)
    neck_w = head_w * 0.46
    draw.rectangle(
        [x - neck_w / 2, y + head_h * 0.75, x + neck_w / 2, y + head_h * 1.3], fill=color
    )
    shoulders_top = y + head_h * 1.18
    draw.ellipse(
        [x - scale * 0.5, shoulders_top, x + scale * 0.5, shoulders_top + scale * 1.1],
        fill=color,
    )
    draw.rectangle(
        [x - scale * 0.5, shoulders_top + scale * 0.55, x + scale * 0.5, shoulders_top + scale * 2],
        fill=color,
    )


def tree(draw, rng, start, angle, length, depth, color, width):
    """A bare, branching tree, grown from `start` at `angle` degrees."""
    if depth == 0 or length < 3:
        return
    end = (
        start[0] + math.cos(math.radians(angle)) * length,
        start[1] + math.sin(math.radians(angle)) * length,
    )
    draw.line([start, end], fill=color, width=max(1, int(width)))
    for turn in (-rng.uniform(15, 35), rng.uniform(15, 35)):
        tree(
            draw,
            rng,
            end,
            angle + turn,
            length * rng.uniform(0.62, 0.78),
            depth - 1,
            color,
            width * 0.7,
        )


def neon(canvas, text, centre, size, color):
    """A glowing sign: the text blurred into a halo, then drawn sharp on top."""
    text_font = font("bold", size)
    halo = Image.new("L", canvas.size, 0)
    ImageDraw.Draw(halo).text(centre, text, font=text_font, fill=255, anchor="mm")
    canvas.paste(color, (0, 0, *canvas.size), halo.filter(ImageFilter.GaussianBlur(size / 5)))
    ImageDraw.Draw(canvas).text(
        centre, text, font=text_font, fill=mix(color, (255, 255, 255), 0.7), anchor="mm"
    )


FONT_FILES = {
    "bold": ["DejaVuSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf", "LiberationSans-Bold.ttf"],
    "condensed": [
        "DejaVuSansCondensed.ttf",
        "Arial Narrow.ttf",
        "arial.ttf",
        "LiberationSans-Regular.ttf",
    ],
    "serif": [
        "DejaVuSerif-Bold.ttf",
        "Georgia Bold.ttf",
        "georgiab.ttf",
        "LiberationSerif-Bold.ttf",
    ],
}


@cache
def font(style, size):
    """A system font if one is found, else Pillow's own scalable default."""
    for name in FONT_FILES[style]:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)
