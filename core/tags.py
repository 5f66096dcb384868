"""Tags' addresses and limits, shared by the stories' tags and the library's keywords.

A tag's slug is made once, when the tag is created, and never changes with its
name, so its address is stable. The rule (`tag_slug`):

- Latin letters lose their accents ("Beyoncé" → beyonce, "Amélie" → amelie):
  the ASCII form is what readers type and what English-language addresses
  use, and a name typed with combining accents gets the same slug as one typed
  with precomposed letters.
- Letters of other scripts stay as they are ("東京" → 東京, "Москва" → москва).
  No transliteration is both right and language-independent (東京 is Tōkyō in
  Japanese, Dōngjīng in Mandarin), and readers of the script read them; the
  URL patterns take Unicode slugs (`UnicodeSlugConverter`), as the tag
  models' SlugField(allow_unicode=True) always did.
- A few symbols are spelled out ("C++" → c-plus-plus, "C#" → c-sharp,
  "Law & Order" → law-and-order, "Disney+" → disney-plus).
- A name with nothing left (">", "🎬") is named by Unicode (greater-than-sign,
  clapper-board), so every tag has a readable address.
- Slugs stay unique: a taken one gets -2, -3… within the column's 100
  characters.
"""

import re
import unicodedata

from django import forms
from django.utils.text import slugify
from taggit.forms import TagField
from taggit.managers import TaggableManager

SLUG_MAX_LENGTH = 100
# Room for a "-NNNN" that keeps slugs unique within the column.
SLUG_BASE_LENGTH = SLUG_MAX_LENGTH - 6

# Latin letters that do not decompose into an ASCII letter and an accent.
LATIN_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
    }
)
SYMBOLS = [
    (re.compile(r"\+"), " plus "),
    (re.compile(r"&"), " and "),
    (re.compile(r"(?<=\w)#"), " sharp "),  # C#, F#; a hashtag's # is dropped.
]


def fold_latin(text):
    """Accented Latin letters without their accents; every other letter untouched."""
    folded = []
    for char in unicodedata.normalize("NFC", text.translate(LATIN_LETTERS)):
        bare = "".join(
            part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part)
        )
        folded.append(bare if bare.isascii() and bare.isalpha() else char)
    return "".join(folded)


def name_characters(text):
    """The Unicode names of a name's characters, repeats once: ">" → "greater-than sign"."""
    names = []
    for char in text:
        name = unicodedata.name(char, "").lower()
        if name and (not names or names[-1] != name):
            names.append(name)
    return " ".join(names)


def shorten(slug, length=SLUG_BASE_LENGTH):
    """At most `length` characters, cut at a hyphen where there is one."""
    if len(slug) <= length:
        return slug
    cut = slug[:length]
    return (cut.rsplit("-", 1)[0] if "-" in cut.strip("-") else cut).strip("-")


def tag_slug(name, number=None):
    """The slug for a tag called `name`; `number` (1, 2…) makes the next one when it is taken."""
    text = fold_latin(name)
    for symbol, words in SYMBOLS:
        text = symbol.sub(words, text)
    slug = slugify(text, allow_unicode=True) or slugify(name_characters(name), allow_unicode=True)
    slug = shorten(slug) or "tag"
    return slug if number is None else f"{slug}-{number + 1}"


def unique_tag_slug(name, taken):
    """A slug for `name` that is not in the set `taken` (which it joins)."""
    slug, number = tag_slug(name), 1
    while slug in taken:
        slug, number = tag_slug(name, number), number + 1
    taken.add(slug)
    return slug


# Slugs Django's <slug:> path converter takes: the only ones tag addresses took before.
ASCII_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")


def repair_tag_slugs(tag_model):
    """Data migrations: give every tag whose slug never made an address (empty, or letters
    the old ASCII-only URL patterns refused) a slug by this module's rule.

    ASCII slugs made working addresses and are left alone: no address changes.
    """
    taken = set(tag_model.objects.values_list("slug", flat=True))
    broken = [tag for tag in tag_model.objects.order_by("pk") if not ASCII_SLUG.match(tag.slug)]
    taken -= {tag.slug for tag in broken}
    for tag in broken:
        tag.slug = unique_tag_slug(tag.name, taken)
    tag_model.objects.bulk_update(broken, ["slug"], batch_size=500)
    return len(broken)


class SlugRule:
    """For tag models: slugs made by `tag_slug` (taggit's TagBase calls `slugify`)."""

    def slugify(self, tag, i=None):
        return tag_slug(tag, i)


class UnicodeSlugConverter:
    """A path segment of letters of any script, digits, hyphens and underscores, as
    Django's validate_unicode_slug accepts."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class BoundedTagField(TagField):
    """taggit's comma-separated tags field, refusing tags the site cannot keep or show.

    taggit checks neither length nor characters: a tag longer than the tag
    model's column reached the database (PostgreSQL refused it with an error
    page, and the editor's form was lost), and control characters, which no
    feed (XML) can carry, reached every feed listing the tag.
    """

    def __init__(self, *, tag_max_length=None, **kwargs):
        # Not CharField's max_length, which limits the whole comma-separated text
        # (and which CharField.__init__ resets).
        super().__init__(**kwargs)
        self.tag_max_length = tag_max_length

    def clean(self, value):
        names = super().clean(value)
        for name in names:
            if self.tag_max_length and len(name) > self.tag_max_length:
                raise forms.ValidationError(
                    "A tag can be at most %(limit)d characters; “%(tag)s…” has %(length)d.",
                    code="tag_too_long",
                    params={"limit": self.tag_max_length, "tag": name[:40], "length": len(name)},
                )
            if any(unicodedata.category(char) == "Cc" for char in name):
                raise forms.ValidationError(
                    "The tag “%(tag)s” holds an invisible control character; type it again.",
                    code="tag_control_character",
                    params={"tag": "".join(c for c in name if unicodedata.category(c) != "Cc")},
                )
        return names


class BoundedTaggableManager(TaggableManager):
    """taggit's TaggableManager whose form field knows how long a tag's name may be."""

    def formfield(self, form_class=BoundedTagField, **kwargs):
        if issubclass(form_class, BoundedTagField):
            kwargs["tag_max_length"] = self.remote_field.model._meta.get_field("name").max_length
        return super().formfield(form_class=form_class, **kwargs)
