"""How fast and how good Metro's renditions are, next to plain Pillow.

A 3000×2000 photo-like JPEG (gradients, shapes, fine detail, grain; saved at
quality 90 from a fixed seed) is made in memory. For the hero (1200 wide) and
card (400 wide) renditions in every format Metro serves, the script takes the
median of several runs of

- plain Pillow: open, convert to RGB, one LANCZOS resize of the 16:9 centre
  crop, encode with Metro's encoder options;
- Metro: `media.renditions.ensure()` on a real `Image` in a throwaway SQLite
  database and MEDIA_ROOT, i.e. decode, crop, resize, encode and store.

It prints the times, their ratio against the targets, the PSNR of Metro's file
against plain Pillow's full-decode file (and of both against the unencoded
resize, for the encoder's share), and the bytes saved. It never
touches the project's database or media.

    python -m bench.renditions [--runs 9] [--json results.json]
"""

import argparse
import io
import json
import math
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import PIL
from PIL import Image as PILImage
from PIL import ImageChops, ImageDraw, ImageFilter, ImageStat, features

SOURCE_SIZE = (3000, 2000)
SOURCE_QUALITY = 90
SEED = 20261125
# Spec, width, and the most Metro may take relative to plain Pillow.
CASES = [("hero", 1200, 1.10), ("card", 400, 0.60)]
TARGET_PSNR = 35.0


def main(argv=None):
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="metro-bench-") as workdir:
        setup_django(Path(workdir))
        source = photo_jpeg()
        results = measure(source, args.runs)
        report = {
            "environment": environment(),
            "source": {
                "width": SOURCE_SIZE[0],
                "height": SOURCE_SIZE[1],
                "quality": SOURCE_QUALITY,
                "bytes": len(source),
                "seed": SEED,
            },
            "runs": args.runs,
            "results": results,
        }
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
        print(f"\nResults written to {args.json}")


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m bench.renditions", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--runs", type=int, default=9, help="timed runs per measurement (median; default 9)"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results here")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def setup_django(workdir):
    """Django on a throwaway SQLite database and MEDIA_ROOT, whatever the environment says."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "metro.settings"
    os.environ["DEBUG"] = "1"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def photo_jpeg():
    """A deterministic picture with a photo's mix of smooth areas, edges, detail and grain."""
    rng = random.Random(SEED)
    width, height = SOURCE_SIZE
    ramp = PILImage.linear_gradient("L").resize(SOURCE_SIZE)
    picture = PILImage.merge(
        "RGB",
        [
            ramp.point(lambda v, top=top, bottom=bottom: top + (bottom - top) * v // 255)
            for top, bottom in ((60, 230), (110, 170), (190, 110))
        ],
    )

    # Out-of-focus lights and shapes in the background.
    bokeh = picture.copy()
    draw = ImageDraw.Draw(bokeh)
    for _ in range(60):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randrange(30, 220)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=random_colour(rng))
    picture = PILImage.blend(picture, bokeh.filter(ImageFilter.GaussianBlur(30)), 0.6)

    # Buildings with windows: sharp edges and fine, regular detail.
    draw = ImageDraw.Draw(picture)
    for _ in range(14):
        left, top = rng.randrange(-100, width), rng.randrange(height // 4, height // 2)
        right = left + rng.randrange(150, 450)
        draw.rectangle((left, top, right, height), fill=random_colour(rng, 30, 120))
        for wy in range(top + 20, height - 20, 36):
            for wx in range(left + 15, right - 25, 30):
                if rng.random() < 0.6:
                    draw.rectangle((wx, wy, wx + 14, wy + 20), fill=random_colour(rng, 150, 255))

    # Grass in the foreground: thin, irregular lines.
    for _ in range(6000):
        x, y = rng.randrange(width), rng.randrange(height * 4 // 5, height)
        draw.line((x, y, x + rng.randrange(-12, 13), y - rng.randrange(20, 70)), fill=(40, 90, 30))

    # A lit subject with soft shading: concentric ellipses.
    cx, cy = width * 3 // 5, height * 3 // 5
    for step in range(60, 0, -1):
        r = step * 6
        shade = 255 - step * 2
        draw.ellipse(
            (cx - r, cy - r * 4 // 5, cx + r, cy + r * 4 // 5), fill=(shade, shade - 40, 90)
        )
    picture = picture.filter(ImageFilter.GaussianBlur(0.8))  # The lens is not perfectly sharp.

    # Sensor grain: ±8 levels of deterministic noise.
    noise = PILImage.frombytes("L", SOURCE_SIZE, rng.randbytes(width * height))
    noise = noise.point(lambda v: 120 + v // 16).filter(ImageFilter.GaussianBlur(0.5))
    picture = ImageChops.add(picture, noise.convert("RGB"), scale=1.0, offset=-128)

    output = io.BytesIO()
    picture.save(output, "JPEG", quality=SOURCE_QUALITY)
    return output.getvalue()


def random_colour(rng, low=0, high=255):
    return tuple(rng.randrange(low, high + 1) for _ in range(3))


def measure(source, runs):
    """One result per spec and format: times, sizes and quality of both pipelines."""
    from django.core.files.base import ContentFile

    from media.models import Image
    from media.renditions import SPECS

    image = Image.objects.create(
        file=ContentFile(source, name="bench-photo.jpg"),
        title="Benchmark photo",
        alt_text="A generated photo-like picture",
    )
    results = []
    for spec_name, width, target_ratio in CASES:
        for fmt in SPECS[spec_name].formats:
            rendition = image.renditions.get(spec_name, width, fmt)
            plain, plain_ms, metro, metro_ms = time_both(source, image, rendition, runs)
            reference = full_decode_resize(source, rendition)
            # The target compares like with like: Metro's file against plain
            # Pillow's full-decode file in the same format and quality, so it
            # measures what Metro's shortcuts (reduced-scale decoding) cost.
            metro_psnr = psnr(decoded(metro), decoded(plain))
            results.append(
                {
                    "spec": spec_name,
                    "format": fmt,
                    "width": rendition.width,
                    "height": rendition.height,
                    "bytes": len(metro),
                    "plain_bytes": len(plain),
                    "plain_ms": round(plain_ms, 2),
                    "metro_ms": round(metro_ms, 2),
                    "ratio": round(metro_ms / plain_ms, 3),
                    "target_ratio": target_ratio,
                    "ratio_pass": metro_ms / plain_ms <= target_ratio,
                    "psnr_db": round(metro_psnr, 2),
                    "metro_vs_unencoded_db": round(psnr(decoded(metro), reference), 2),
                    "plain_vs_unencoded_db": round(psnr(decoded(plain), reference), 2),
                    "target_psnr_db": TARGET_PSNR,
                    "psnr_pass": metro_psnr >= TARGET_PSNR,
                    "saved_vs_original": round(1 - len(metro) / len(source), 4),
                    "saved_vs_plain": round(1 - len(metro) / len(plain), 4),
                }
            )
    return results


def time_both(source, image, rendition, runs):
    """Both pipelines' output and median milliseconds, runs interleaved so drift hits both."""
    from django.core.files.storage import default_storage

    from media.renditions import ensure

    plain_times, metro_times = [], []
    for run in range(runs + 1):  # The first run warms up and is not counted.
        started = time.perf_counter()
        plain = plain_pillow(source, rendition)
        plain_elapsed = time.perf_counter() - started

        default_storage.delete(rendition.name)
        started = time.perf_counter()
        ensure(image, rendition)
        metro_elapsed = time.perf_counter() - started
        if run:
            plain_times.append(plain_elapsed)
            metro_times.append(metro_elapsed)
    with default_storage.open(rendition.name, "rb") as stored:
        metro = stored.read()
    default_storage.delete(rendition.name)
    return (
        plain,
        statistics.median(plain_times) * 1000,
        metro,
        statistics.median(metro_times) * 1000,
    )


def plain_pillow(source, rendition):
    """The baseline: full decode, one resize of the crop, Metro's encoder settings."""
    from media.renditions import ENCODER_OPTIONS, PILLOW_FORMATS

    resized = full_decode_resize(source, rendition)
    output = io.BytesIO()
    resized.save(output, PILLOW_FORMATS[rendition.format], **ENCODER_OPTIONS[rendition.format])
    return output.getvalue()


def full_decode_resize(source, rendition):
    picture = PILImage.open(io.BytesIO(source)).convert("RGB")
    return picture.resize(
        (rendition.width, rendition.height), PILImage.Resampling.LANCZOS, box=rendition.crop
    )


def decoded(data):
    return PILImage.open(io.BytesIO(data)).convert("RGB")


def psnr(picture, reference):
    """Peak signal-to-noise ratio in dB over the RGB channels."""
    rms = ImageStat.Stat(ImageChops.difference(picture, reference)).rms
    mse = sum(value * value for value in rms) / len(rms)
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)


def environment():
    return {
        "python": platform.python_version(),
        "pillow": PIL.__version__,
        "libjpeg_turbo": features.version("libjpeg_turbo"),
        "libjpeg": features.version("jpg"),
        "libwebp": features.version("webp"),
        "libavif": features.version("avif") if features.check("avif") else None,
        "cpu_count": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "machine": platform.platform(),
    }


def print_report(report):
    env, source = report["environment"], report["source"]
    turbo = env["libjpeg_turbo"] or f"not used (libjpeg {env['libjpeg']})"
    print(
        f"Python {env['python']}, Pillow {env['pillow']}, libjpeg-turbo {turbo}, "
        f"libwebp {env['libwebp']}, libavif {env['libavif'] or 'not available'}"
    )
    print(f"{env['cpu_count']} cores ({env['usable_cpus']} usable), {env['machine']}")
    print(
        f"Source: {source['width']}×{source['height']} JPEG, quality {source['quality']}, "
        f"{kilobytes(source['bytes'])}, seed {source['seed']}; "
        f"median of {report['runs']} runs after one warm-up"
    )
    print()
    columns = (
        ("spec", "<5"),
        ("format", "<6"),
        ("output", ">8"),
        ("size", ">9"),
        ("plain ms", ">8"),
        ("Metro ms", ">8"),
        ("ratio", ">6"),
        ("target", ">7"),
        ("", "<4"),
        ("PSNR dB", ">7"),
        ("", "<4"),
        ("codec dB", ">8"),
        ("saved vs original", ">17"),
        ("vs plain", ">8"),
    )
    row_format = "  ".join(f"{{:{spec}}}" for _, spec in columns)
    print(row_format.format(*(title for title, _ in columns)))
    rows = report["results"]
    for row in rows:
        print(
            row_format.format(
                row["spec"],
                row["format"],
                f"{row['width']}×{row['height']}",
                kilobytes(row["bytes"]),
                f"{row['plain_ms']:.1f}",
                f"{row['metro_ms']:.1f}",
                f"{row['ratio']:.2f}x",
                f"≤{row['target_ratio']:.2f}x",
                "PASS" if row["ratio_pass"] else "FAIL",
                f"{row['psnr_db']:.1f}",
                "PASS" if row["psnr_pass"] else "FAIL",
                f"{row['metro_vs_unencoded_db']:.1f}/{row['plain_vs_unencoded_db']:.1f}",
                f"{row['saved_vs_original']:.1%}",
                f"{row['saved_vs_plain']:+.1%}",
            )
        )
    fast = sum(row["ratio_pass"] for row in rows)
    sharp = sum(row["psnr_pass"] for row in rows)
    print()
    print(
        "Metro ms covers ensure(): decode, crop, resize, encode and storing the file. PSNR is "
        "Metro's file against plain Pillow's full-decode file (same format and quality); "
        "'codec dB' is Metro/plain against the unencoded full-decode resize, i.e. the "
        "encoder's own loss, which both share."
    )
    print(
        f"Speed: {fast} of {len(rows)} within target. "
        f"Quality: {sharp} of {len(rows)} at ≥{TARGET_PSNR:g} dB."
    )


def kilobytes(size):
    return f"{size / 1000:.1f} kB"


if __name__ == "__main__":
    sys.exit(main())
