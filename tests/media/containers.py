"""Read the structure of encoded image files, to check what they carry besides pixels.

Each reader walks a container format (JPEG markers, WebP's RIFF chunks, the
ISO boxes of AVIF, PNG chunks) from its own specification rather than through
Pillow, so that the tests see every byte an encoder wrote, including what
Pillow itself would not report.
"""

import struct

JPEG_SOS = 0xDA
JPEG_EOI = 0xD9
# Markers without a length field: SOI, EOI, TEM and the restart markers.
JPEG_STANDALONE = {0xD8, 0xD9, 0x01, *range(0xD0, 0xD8)}


def jpeg_segments(data):
    """[(marker, payload)] from SOI up to and including the start of scan, then
    ("trailer", bytes) for anything after the end-of-image marker."""
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    segments = []
    position = 2
    while True:
        assert data[position] == 0xFF, f"no marker at byte {position}"
        marker = data[position + 1]
        if marker == 0xFF:  # Fill byte.
            position += 1
            continue
        if marker in JPEG_STANDALONE:
            segments.append((marker, b""))
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        segments.append((marker, data[position + 4 : position + 2 + length]))
        position += 2 + length
        if marker == JPEG_SOS:
            break
    end = data.rfind(b"\xff\xd9")
    assert end != -1, "no end-of-image marker"
    segments.append(("trailer", data[end + 2 :]))
    return segments


def riff_chunks(data):
    """[(fourcc, payload)] of a WebP file."""
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP", "not a WebP"
    chunks = []
    position = 12
    while position < len(data):
        fourcc = data[position : position + 4].decode("latin-1")
        (size,) = struct.unpack("<I", data[position + 4 : position + 8])
        chunks.append((fourcc, data[position + 8 : position + 8 + size]))
        position += 8 + size + (size & 1)  # Chunks are padded to an even length.
    return chunks


# ISO base media file format (AVIF, HEIF): boxes that hold other boxes, and how
# many bytes of their own fields (version and flags, counts) come first.
CONTAINER_BOXES = {"meta": 4, "iprp": 0, "ipco": 0, "iinf": None, "dinf": 0}


def iso_boxes(data, path=""):
    """Every box in the file, depth first: [(path, type, payload)], e.g. ("meta/iinf", "infe", …)."""
    boxes = []
    position = 0
    while position + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        kind = kind.decode("latin-1")
        header = 8
        if size == 1:
            (size,) = struct.unpack(">Q", data[position + 8 : position + 16])
            header = 16
        elif size == 0:
            size = len(data) - position
        payload = data[position + header : position + size]
        boxes.append((path, kind, payload))
        if kind in CONTAINER_BOXES:
            skip = CONTAINER_BOXES[kind]
            if kind == "iinf":  # Version 0 counts entries in 2 bytes, later versions in 4.
                skip = 4 + (2 if payload[0] == 0 else 4)
            boxes += iso_boxes(payload[skip:], f"{path}/{kind}".lstrip("/"))
        position += size
    return boxes


def avif_item_types(data):
    """The types of the items an AVIF file declares: "av01" for pictures,
    "Exif" for EXIF, "mime" (XMP) and so on."""
    types = []
    for _, kind, payload in iso_boxes(data):
        if kind == "infe":
            version = payload[0]
            id_size = 2 if version == 2 else 4
            types.append(payload[4 + id_size + 2 : 4 + id_size + 6].decode("latin-1"))
    return types


def avif_colour_types(data):
    """The kinds of colour information: "nclx" (coded primaries, e.g. sRGB) or an ICC
    profile ("prof", "rICC")."""
    return [payload[:4].decode("latin-1") for _, kind, payload in iso_boxes(data) if kind == "colr"]


def png_chunk_types(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    types = []
    position = 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        types.append(data[position + 4 : position + 8].decode("latin-1"))
        position += 12 + length
    return types
