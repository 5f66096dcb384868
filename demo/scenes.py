"""The scenes the demo's pictures are drawn from.

Each scene takes (size, rng, palette, picture) and returns an RGB image, drawn
in proportions of its size so that it works as a hero, a still or a poster.
"""

import math

from PIL import Image, ImageDraw, ImageFilter

from demo.drawing import bust, font, glow, gradient, mist, mix, neon, person, ridge, tree

# Where the subject sits in each scene, as the Image's focal point (x, y from 0 to 1).
FOCAL_POINTS = {
    "harbour": (0.75, 0.55),
    "interview": (0.67, 0.45),
    "portrait": (0.5, 0.4),
    "stage": (0.5, 0.5),
    "street": (0.6, 0.6),
    "orbit": (0.68, 0.6),
}


def harbour(size, rng, pal, picture):
    w, h = size
    horizon = h * 0.6
    canvas = gradient(size, pal.top, pal.bottom)
    sun = (w * rng.uniform(0.3, 0.7), horizon - h * 0.06)
    glow(canvas, sun, h * 0.5, pal.glow, 0.7)
    draw = ImageDraw.Draw(canvas, "RGBA")
    r = h * 0.06
    draw.ellipse([sun[0] - r, sun[1] - r, sun[0] + r, sun[1] + r], fill=pal.glow)
    draw.polygon(
        [(0, h), *ridge(rng, w, horizon - h * 0.04, h * 0.02), (w, h)],
        fill=mix(pal.mid, pal.dark, 0.3),
    )
    sea = gradient((w, int(h - horizon)), mix(pal.bottom, pal.dark, 0.45), pal.dark)
    canvas.paste(sea, (0, int(horizon)))
    for _ in range(70):
        y = rng.uniform(horizon, h)
        spread = (y - horizon) / (h - horizon)
        x = sun[0] + rng.gauss(0, w * (0.03 + 0.12 * spread))
        length = rng.uniform(10, 60) * (1 + 3 * spread)
        draw.line(
            [(x - length, y), (x + length, y)], fill=(*pal.glow, rng.randint(60, 170)), width=2
        )
    pier_y = h * 0.78
    draw.polygon(
        [
            (w * 0.62, pier_y),
            (w, pier_y - h * 0.05),
            (w, pier_y + h * 0.03),
            (w * 0.62, pier_y + h * 0.012),
        ],
        fill=pal.dark,
    )
    for i in range(9):
        x = w * 0.64 + i * w * 0.045
        draw.rectangle([x, pier_y - h * 0.01, x + w * 0.006, h], fill=pal.dark)
    person(draw, w * 0.8, pier_y - h * 0.03, h * 0.2, pal.dark, rng.choice(["short", "long"]))
    for _ in range(3):
        bx, by, s = (
            w * rng.uniform(0.05, 0.5),
            horizon + h * rng.uniform(0.03, 0.12),
            rng.uniform(0.5, 1.1),
        )
        draw.polygon(
            [(bx, by), (bx + 90 * s, by), (bx + 75 * s, by + 14 * s), (bx + 12 * s, by + 14 * s)],
            fill=pal.dark,
        )
        draw.line(
            [(bx + 40 * s, by), (bx + 40 * s, by - 80 * s)], fill=pal.dark, width=max(2, int(3 * s))
        )
        draw.polygon(
            [(bx + 42 * s, by - 76 * s), (bx + 42 * s, by - 6 * s), (bx + 80 * s, by - 6 * s)],
            fill=(*pal.dark, 220),
        )
    return canvas


def fen(size, rng, pal, picture):
    w, h = size
    horizon = h * 0.64
    canvas = gradient(size, pal.top, pal.bottom)
    glow(canvas, (w * rng.uniform(0.55, 0.8), horizon - h * 0.2), h * 0.35, pal.glow, 0.8)
    draw = ImageDraw.Draw(canvas, "RGBA")
    draw.polygon(
        [(0, h), *ridge(rng, w, horizon, h * 0.01, 40), (w, h)], fill=mix(pal.mid, pal.top, 0.3)
    )
    for i in range(5):
        y = horizon + h * (0.04 + i * 0.06)
        draw.rectangle([0, y, w, y + h * rng.uniform(0.008, 0.02)], fill=(*pal.light, 90))
    tree_x = w * rng.uniform(0.15, 0.35)
    tree(draw, rng, (tree_x, horizon + h * 0.02), -90, h * 0.16, 7, pal.dark, max(2, w // 160))
    person(draw, w * rng.uniform(0.45, 0.6), horizon + h * 0.06, h * 0.14, pal.dark, "long")
    banks = [
        (
            rng.uniform(-0.2, 0.5) * w,
            horizon - rng.uniform(0, 0.08) * h,
            rng.uniform(0.6, 1.3) * w,
            horizon + rng.uniform(0.12, 0.25) * h,
        )
        for _ in range(5)
    ]
    mist(canvas, banks, pal.light)
    draw = ImageDraw.Draw(canvas, "RGBA")
    for _ in range(260):
        x = rng.uniform(0, w)
        top = h - h * rng.uniform(0.08, 0.32)
        bend = rng.uniform(-w * 0.015, w * 0.015)
        draw.line(
            [(x, h), (x + bend / 2, (h + top) / 2), (x + bend, top)],
            fill=(*pal.dark, rng.randint(170, 255)),
            width=rng.randint(2, 4),
        )
    return canvas


def switchboard(size, rng, pal, picture):
    w, h = size
    canvas = gradient(size, mix(pal.dark, pal.mid, 0.5), pal.dark)
    draw = ImageDraw.Draw(canvas, "RGBA")
    for _ in range(120):
        x = rng.uniform(0, w)
        draw.line(
            [(x, 0), (x + rng.uniform(-8, 8), h)],
            fill=(*pal.mid, rng.randint(20, 60)),
            width=rng.randint(1, 3),
        )
    cols, rows = 14, 6
    gap_x, gap_y = w / (cols + 1), h * 0.7 / rows
    jacks = []
    for row in range(rows):
        y = h * 0.12 + row * gap_y
        draw.rectangle(
            [gap_x * 0.4, y - gap_y * 0.42, w - gap_x * 0.4, y - gap_y * 0.3],
            fill=(*pal.accent, 170),
        )
        for col in range(cols):
            x = gap_x * (col + 1)
            r = min(gap_x, gap_y) * 0.17
            lamp_lit = rng.random() < 0.2
            if lamp_lit:
                glow(canvas, (x, y - gap_y * 0.14), r * 3, pal.glow, 0.9)
            draw.ellipse(
                [x - r * 0.5, y - gap_y * 0.2, x + r * 0.5, y - gap_y * 0.2 + r],
                fill=pal.glow if lamp_lit else pal.mid,
            )
            draw.ellipse([x - r, y, x + r, y + 2 * r], fill=pal.accent)
            draw.ellipse([x - r * 0.5, y + r * 0.5, x + r * 0.5, y + r * 1.5], fill=pal.dark)
            jacks.append((x, y + r))
    colours = [pal.accent, pal.light, (180, 40, 40), (40, 40, 40), pal.glow]
    for _ in range(9):
        (x1, y1), (x2, y2) = rng.sample(jacks, 2)
        sag = h * rng.uniform(0.15, 0.45)
        points = []
        for i in range(25):
            t = i / 24
            points.append((x1 + (x2 - x1) * t, y1 + (y2 - y1) * t + sag * 4 * t * (1 - t)))
        draw.line(points, fill=rng.choice(colours), width=max(4, w // 180), joint="curve")
    return canvas


def orbit(size, rng, pal, picture):
    w, h = size
    canvas = gradient(size, pal.top, pal.bottom)
    draw = ImageDraw.Draw(canvas, "RGBA")
    for _ in range(int(w * h / 2500)):
        x, y, b = rng.uniform(0, w), rng.uniform(0, h), rng.randint(90, 255)
        s = rng.choice([1, 1, 1, 2])
        draw.rectangle([x, y, x + s, y + s], fill=(b, b, min(255, b + 20)))
    for _ in range(4):
        glow(canvas, (rng.uniform(0, w), rng.uniform(0, h)), h * 0.03, pal.light, 0.9)
    glow(canvas, (w * 0.3, h * 0.4), h * 0.7, pal.mid, 0.5)
    radius = h * rng.uniform(0.42, 0.55)
    centre = (w * rng.uniform(0.62, 0.75), h * rng.uniform(0.55, 0.7))
    box = [centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius]
    planet = gradient((int(radius * 2), int(radius * 2)), pal.accent, pal.mid)
    mask = Image.new("L", planet.size, 0)
    ImageDraw.Draw(mask).ellipse([0, 0, planet.size[0] - 1, planet.size[1] - 1], fill=255)
    shade = Image.new("L", planet.size, 0)
    ImageDraw.Draw(shade).ellipse(
        [radius * 0.35, radius * 0.2, radius * 2.6, radius * 2.4], fill=200
    )
    shade = shade.filter(ImageFilter.GaussianBlur(radius * 0.15))
    planet.paste(pal.dark, (0, 0, *planet.size), shade)
    canvas.paste(planet, (int(box[0]), int(box[1])), mask)
    draw = ImageDraw.Draw(canvas, "RGBA")
    for i in range(4):
        grow = radius * (1.5 + i * 0.12)
        draw.ellipse(
            [centre[0] - grow, centre[1] - grow * 0.22, centre[0] + grow, centre[1] + grow * 0.22],
            outline=(*pal.light, 150 - i * 30),
            width=max(2, int(h * 0.008)),
        )
    moon = (w * rng.uniform(0.12, 0.3), h * rng.uniform(0.15, 0.3))
    mr = h * 0.05
    draw.ellipse(
        [moon[0] - mr, moon[1] - mr, moon[0] + mr, moon[1] + mr], fill=mix(pal.light, pal.mid, 0.3)
    )
    draw.ellipse(
        [moon[0] - mr * 0.6, moon[1] - mr, moon[0] + mr * 1.3, moon[1] + mr], fill=(*pal.dark, 200)
    )
    return canvas


def stage(size, rng, pal, picture):
    w, h = size
    canvas = Image.new("RGB", size, pal.dark)
    draw = ImageDraw.Draw(canvas, "RGBA")
    brick_h, brick_w = h / 18, w / 11
    for row in range(19):
        offset = brick_w / 2 if row % 2 else 0
        for col in range(-1, 12):
            x, y = col * brick_w + offset, row * brick_h
            tone = mix(pal.mid, pal.accent, rng.uniform(0, 0.25))
            draw.rectangle(
                [x + 3, y + 3, x + brick_w - 3, y + brick_h - 3],
                fill=mix(tone, pal.dark, rng.uniform(0.2, 0.5)),
            )
    spot_x = w * rng.uniform(0.4, 0.6)
    glow(canvas, (spot_x, h * 0.55), h * 0.5, pal.glow, 0.55)
    draw = ImageDraw.Draw(canvas, "RGBA")
    draw.polygon(
        [
            (spot_x - w * 0.04, 0),
            (spot_x + w * 0.04, 0),
            (spot_x + w * 0.2, h),
            (spot_x - w * 0.2, h),
        ],
        fill=(*pal.glow, 40),
    )
    floor = h * 0.86
    draw.rectangle([0, floor, w, h], fill=mix(pal.dark, pal.mid, 0.3))
    draw.ellipse(
        [spot_x - w * 0.15, floor - h * 0.03, spot_x + w * 0.15, floor + h * 0.05],
        fill=(*pal.glow, 70),
    )
    mic_x = spot_x - w * 0.08
    draw.line([(mic_x, floor), (mic_x, floor - h * 0.45)], fill=pal.dark, width=max(3, w // 300))
    draw.line(
        [(mic_x - w * 0.025, floor), (mic_x + w * 0.025, floor)],
        fill=pal.dark,
        width=max(3, w // 300),
    )
    draw.ellipse(
        [mic_x - w * 0.009, floor - h * 0.49, mic_x + w * 0.009, floor - h * 0.43], fill=pal.dark
    )
    person(draw, spot_x + w * 0.04, floor, h * 0.6, pal.dark, rng.choice(["short", "long"]))
    if picture.lines and not picture.poster:  # a poster carries its own title
        neon(canvas, picture.lines[0], (w * 0.5, h * 0.16), int(h * 0.1), pal.glow)
    return canvas


def street(size, rng, pal, picture):
    w, h = size
    canvas = gradient(size, pal.top, pal.bottom)
    draw = ImageDraw.Draw(canvas, "RGBA")
    ground = h * 0.68
    x = -rng.uniform(0, w * 0.05)
    while x < w:
        bw = w * rng.uniform(0.07, 0.16)
        top = ground - h * rng.uniform(0.25, 0.6)
        draw.rectangle([x, top, x + bw, ground], fill=mix(pal.dark, pal.mid, rng.uniform(0, 0.35)))
        for wy in range(int(top + h * 0.03), int(ground - h * 0.03), max(8, int(h * 0.045))):
            for wx in range(int(x + bw * 0.12), int(x + bw * 0.85), max(8, int(w * 0.02))):
                if rng.random() < 0.35:
                    tint = mix(pal.glow, pal.accent, rng.uniform(0, 0.5))
                    draw.rectangle(
                        [wx, wy, wx + w * 0.01, wy + h * 0.022], fill=(*tint, rng.randint(150, 255))
                    )
        x += bw + w * rng.uniform(0, 0.015)
    road = canvas.crop((0, int(ground - (h - ground)), w, int(ground))).transpose(
        Image.Transpose.FLIP_TOP_BOTTOM
    )
    road = road.resize((w, int(h - ground))).filter(ImageFilter.BoxBlur(6))
    road = Image.blend(road, Image.new("RGB", road.size, pal.dark), 0.45)
    canvas.paste(road, (0, int(ground)))
    lamp_x = w * rng.uniform(0.15, 0.3)
    glow(canvas, (lamp_x + w * 0.03, ground - h * 0.5), h * 0.25, pal.glow, 0.85)
    draw = ImageDraw.Draw(canvas, "RGBA")
    draw.line(
        [
            (lamp_x, ground + h * 0.05),
            (lamp_x, ground - h * 0.5),
            (lamp_x + w * 0.03, ground - h * 0.5),
        ],
        fill=pal.dark,
        width=max(4, w // 250),
    )
    person(
        draw,
        w * rng.uniform(0.55, 0.75),
        h * 0.93,
        h * 0.42,
        pal.dark,
        rng.choice(["short", "long"]),
    )
    return canvas


def cinema(size, rng, pal, picture):
    w, h = size
    canvas = Image.new("RGB", size, pal.dark)
    screen = [w * 0.2, h * 0.1, w * 0.8, h * 0.46]
    glow(canvas, ((screen[0] + screen[2]) / 2, (screen[1] + screen[3]) / 2), w * 0.45, pal.mid, 0.8)
    shot = SCENES[rng.choice(["harbour", "fen", "orbit"])](
        (int(screen[2] - screen[0]), int(screen[3] - screen[1])), rng, pal, picture
    )
    canvas.paste(shot, (int(screen[0]), int(screen[1])))
    draw = ImageDraw.Draw(canvas, "RGBA")
    draw.polygon(
        [(w * 0.47, -5), (w * 0.53, -5), (screen[2], screen[3]), (screen[0], screen[3])],
        fill=(*pal.glow, 22),
    )
    for row in range(5):
        y = h * 0.62 + row * h * 0.085
        seat_w = w * (0.07 + row * 0.012)
        x = -rng.uniform(0, seat_w)
        while x < w:
            draw.rounded_rectangle(
                [x + 4, y, x + seat_w - 4, h],
                radius=seat_w * 0.25,
                fill=mix(pal.dark, pal.accent, 0.15 + row * 0.05),
            )
            if rng.random() < 0.45:
                r = seat_w * 0.2
                cx = x + seat_w / 2
                draw.ellipse([cx - r, y - r * 1.9, cx + r, y + r * 0.3], fill=pal.dark)
            x += seat_w
    return canvas


def premiere(size, rng, pal, picture):
    w, h = size
    canvas = gradient(size, pal.mid, pal.dark)
    draw = ImageDraw.Draw(canvas, "RGBA")
    word = picture.lines[0] if picture.lines else "PREMIERE"
    small = font("bold", max(12, int(h * 0.03)))
    step_x, step_y = small.getlength(word) * 1.8, h * 0.08
    for row in range(int(h * 0.62 / step_y) + 1):
        for col in range(int(w / step_x) + 2):
            x = col * step_x + (step_x / 2 if row % 2 else 0)
            draw.text(
                (x, step_y * (row + 0.5)), word, font=small, fill=(*pal.light, 70), anchor="mm"
            )
    carpet = [(w * 0.42, h * 0.62), (w * 0.58, h * 0.62), (w * 0.9, h), (w * 0.1, h)]
    draw.rectangle([0, h * 0.62, w, h], fill=mix(pal.dark, (0, 0, 0), 0.4))
    draw.polygon(carpet, fill=(158, 22, 36))
    for side in (-1, 1):
        posts = [(w * (0.5 + side * (0.1 + 0.1 * i)), h * (0.66 + 0.1 * i)) for i in range(4)]
        for i, (px, py) in enumerate(posts):
            post_h = h * (0.1 + 0.035 * i)
            draw.rectangle([px - 3 - i, py - post_h, px + 3 + i, py], fill=pal.glow)
            if i:
                qx, qy = posts[i - 1]
                q_top = qy - h * (0.1 + 0.035 * (i - 1)) + 6
                rope = [
                    (
                        qx + (px - qx) * t / 10,
                        q_top
                        + (py - post_h + 6 - q_top) * t / 10
                        + h * 0.03 * math.sin(math.pi * t / 10),
                    )
                    for t in range(11)
                ]
                draw.line(rope, fill=(150, 20, 30), width=4 + i)
    for _ in range(3):
        person(
            draw,
            w * rng.uniform(0.42, 0.58),
            h * rng.uniform(0.72, 0.8),
            h * 0.34,
            pal.dark,
            rng.choice(["short", "long"]),
        )
    for _ in range(10):
        fx, fy = rng.uniform(0, w), rng.uniform(h * 0.55, h)
        glow(canvas, (fx, fy), h * rng.uniform(0.04, 0.09), (255, 255, 250))
    return canvas


def interview(size, rng, pal, picture):
    """A person by a window, lit from the side."""
    w, h = size
    canvas = gradient(size, mix(pal.mid, pal.dark, 0.3), pal.dark)
    window = [w * rng.uniform(0.08, 0.2), h * 0.12, 0, h * 0.78]
    window[2] = window[0] + w * 0.28
    draw = ImageDraw.Draw(canvas, "RGBA")
    draw.rectangle(window, fill=mix(pal.glow, pal.light, 0.4))
    for t in (1 / 3, 2 / 3):
        x = window[0] + (window[2] - window[0]) * t
        draw.line([(x, window[1]), (x, window[3])], fill=pal.mid, width=max(4, w // 200))
    mid_y = (window[1] + window[3]) / 2
    draw.line([(window[0], mid_y), (window[2], mid_y)], fill=pal.mid, width=max(4, w // 200))
    glow(canvas, ((window[0] + window[2]) / 2, mid_y), w * 0.35, pal.glow, 0.35)
    draw = ImageDraw.Draw(canvas, "RGBA")
    draw.polygon(
        [
            (window[2], window[1]),
            (window[2] + w * 0.3, h),
            (window[0] + w * 0.1, h),
            (window[0], window[3]),
        ],
        fill=(*pal.glow, 28),
    )
    cx, scale = w * rng.uniform(0.62, 0.72), h * 0.55
    hair = rng.choice(["short", "long", "curly", "bun"])
    bust(draw, cx - scale * 0.03, h * 0.28, scale, mix(pal.glow, pal.light, 0.3), hair)
    bust(draw, cx, h * 0.28, scale, pal.dark, hair)
    return canvas


def portrait(size, rng, pal, picture):
    w, h = size
    canvas = gradient(size, pal.bottom, pal.top)
    glow(canvas, (w * rng.uniform(0.35, 0.65), h * 0.4), w * 0.6, pal.glow, 0.5)
    draw = ImageDraw.Draw(canvas, "RGBA")
    hair = picture.lines[0] if picture.lines else rng.choice(["short", "long", "curly", "bun"])
    scale = w * 0.62
    side = rng.choice([-1, 1])
    bust(draw, w / 2 + side * w * 0.012, h * 0.2, scale, mix(pal.glow, pal.light, 0.5), hair)
    bust(draw, w / 2, h * 0.2, scale, pal.dark, hair)
    return canvas


def abstract(size, rng, pal, picture):
    """A geometric composition, for analysis pieces and lists."""
    w, h = size
    canvas = gradient(size, pal.top, pal.bottom)
    draw = ImageDraw.Draw(canvas, "RGBA")
    colours = [pal.accent, pal.mid, pal.glow, pal.dark]
    unit = min(w, h)
    for _ in range(rng.randint(7, 10)):
        colour = (*rng.choice(colours), rng.randint(190, 255))
        x, y = rng.uniform(-0.1, 1) * w, rng.uniform(-0.1, 1) * h
        s = unit * rng.uniform(0.12, 0.5)
        shape = rng.choice(["circle", "half", "bar", "square"])
        if shape == "circle":
            draw.ellipse([x, y, x + s, y + s], fill=colour)
        elif shape == "half":
            draw.pieslice([x, y, x + s, y + s], rng.choice([0, 90, 180, 270]), 0, fill=colour)
        elif shape == "bar":
            draw.rectangle([x, y, x + s * 1.8, y + s * 0.18], fill=colour)
        else:
            draw.rectangle([x, y, x + s * 0.7, y + s * 0.7], fill=colour)
    for i in range(rng.randint(8, 14)):
        y = h * 0.7 + i * unit * 0.022
        draw.line([(w * 0.06, y), (w * 0.34, y)], fill=(*pal.dark, 200), width=max(2, unit // 300))
    return canvas


def logo(size, rng, pal, picture):
    w, h = size
    canvas = Image.new("RGB", size, pal.top)
    draw = ImageDraw.Draw(canvas)
    name = picture.lines[0] if picture.lines else picture.title
    r = w * 0.34
    draw.ellipse([w / 2 - r, h * 0.42 - r, w / 2 + r, h * 0.42 + r], fill=pal.accent)
    draw.text(
        (w / 2, h * 0.42), name[0], font=font("serif", int(r * 1.3)), fill=pal.light, anchor="mm"
    )
    draw.text(
        (w / 2, h * 0.88),
        name.upper(),
        font=font("bold", int(h * 0.09)),
        fill=pal.dark,
        anchor="mm",
    )
    return canvas


SCENES = {
    scene.__name__: scene
    for scene in [
        harbour,
        fen,
        switchboard,
        orbit,
        stage,
        street,
        cinema,
        premiere,
        interview,
        portrait,
        abstract,
        logo,
    ]
}
