"""A–Z directories of named things (people, films, topics, authors): where a name files,
the letter index, and the paged list view each directory is built on.

How a name files (`sort_name`): its accented Latin letters lose their accents
and the result is written the way tag slugs are (core.tags), so "Émilie" files
and sorts as "emilie", under E, beside "Emil"; "Øystein" under O, "Ærø" under A.
A name that then starts with a digit or with a letter of another script
("1917", "東京", "Москва") files under "#" (the `other` letter in addresses).
Names are filed as written, with no language's rules: "The Salt Ledger" is
under T, and "Kitano Takeshi" under K only if that is how the name is written.

The unfiltered list runs in the same order as the letters: digits first, then
A to Z, then other scripts, so "#" gathers both ends of it. Letter pages are
prefix matches on an indexed column (`LIKE 'e%'`); "#" is its complement.
"""

import string
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models.functions import Left
from django.http import Http404
from django.urls import reverse
from django.utils.text import slugify
from django.views.generic import ListView

from core import pagecache
from core.pagination import LookaheadPaginator
from core.seo import structured_data as ld
from core.seo.meta import PageMeta, description, social_image
from core.seo.origin import absolute_url
from core.tags import fold_latin

LETTERS = tuple(string.ascii_lowercase)
# Names that start with a digit, a symbol or a letter of a non-Latin script.
OTHER = "other"


def sort_name(name):
    """The form `name` is filed and sorted by: lower case, accents off Latin letters,
    words joined by hyphens ("Émilie Dupont" → "emilie-dupont", "東京" → "東京")."""
    key = slugify(fold_latin(name or ""), allow_unicode=True)
    # A name of symbols alone ("🎬") keeps its characters, under "#".
    return key or " ".join((name or "").casefold().split())


def letter_of(key):
    """The letter a sort name files under: "a"…"z", or OTHER."""
    first = key[:1]
    return first if first in LETTERS else OTHER


def letter_parameter(value):
    """`?letter=` as directories read it: "E" is "e"; "" for none; ValueError for
    anything else (the page cache then answers uncached and the view 404s)."""
    letter = value.strip().lower()
    if letter in ("", *LETTERS, OTHER):
        return letter
    raise ValueError(value)


def letter_filter(field, letter):
    """The rows of `letter` (not "") whose sort name is in `field`."""
    if letter == OTHER:
        return ~models.Q(**{f"{field}__regex": r"^[a-z]"})
    return models.Q(**{f"{field}__startswith": letter})


def letter_label(letter):
    return "#" if letter == OTHER else letter.upper()


class SortNameField(models.CharField):
    """The sort name of another field of the row (`source`), kept by every save() and
    bulk_create(). (A save(update_fields=[...]) that names the source must name it too.)"""

    def __init__(self, *args, source="name", **kwargs):
        self.source = source
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("db_index", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = sort_name(getattr(model_instance, self.source))[: self.max_length]
        setattr(model_instance, self.attname, value)
        return value


@dataclass(frozen=True)
class Entry:
    """One line of a directory."""

    name: str
    url: str
    detail: str
    stories: int


@dataclass(frozen=True)
class LetterLink:
    letter: str
    label: str
    url: str
    present: bool
    current: bool

    @property
    def is_other(self):
        return self.letter == OTHER


class DirectoryView(ListView):
    """An A–Z list of one kind of thing, `paginate_by` a page, each with its number of
    live stories.

    Subclasses give `entries()` (the queryset of what is listed), `story_counts(ids)`
    (one aggregate query: {id: live stories} for one page's ids), and each entry's
    `entry_url`, `entry_name` and `entry_detail`. A page costs the same few queries
    however long the list or however many entries it shows: the page's rows, the
    letters that have entries, and the counts.
    """

    paginate_by = 50
    paginator_class = LookaheadPaginator
    allow_empty = True
    template_name = "core/directory.html"
    sort_field = "sort_name"
    title = ""
    url_name = ""
    # One sentence about the whole directory for search results; "{site}" is the site's name.
    summary = ""
    empty_text = "Nothing here yet."
    page_cache_parameters = {"letter": letter_parameter, "page": pagecache.page_number_parameter}

    def get(self, request, *args, **kwargs):
        try:
            self.letter = letter_parameter(request.GET.get("letter", ""))
        except ValueError:
            raise Http404("No such letter.") from None
        return super().get(request, *args, **kwargs)

    # The two hooks every directory gives (people, films, topics, authors all do).
    def entries(self):
        raise NotImplementedError(f"{type(self).__name__} must say what it lists: entries()")

    def story_counts(self, ids):
        raise NotImplementedError(
            f"{type(self).__name__} must count its entries' live stories: story_counts(ids)"
        )

    def entry_url(self, entry):
        return entry.get_absolute_url()

    def entry_name(self, entry):
        return str(entry)

    def entry_detail(self, entry):
        return ""

    def get_queryset(self):
        entries = self.entries()
        if self.letter:
            entries = entries.filter(letter_filter(self.sort_field, self.letter))
        return entries.order_by(self.sort_field, "pk")

    def letters_present(self):
        """The letters with at least one entry, in one query over the first characters."""
        firsts = (
            self.entries()
            .order_by()
            .annotate(_first=Left(self.sort_field, 1))
            .values_list("_first", flat=True)
            .distinct()
        )
        return {letter_of(first) for first in firsts}

    def letter_links(self, path):
        present = self.letters_present()
        return [
            LetterLink(
                letter=letter,
                label=letter_label(letter),
                url=f"{path}?{urlencode({'letter': letter})}",
                present=letter in present,
                current=letter == self.letter,
            )
            for letter in (*LETTERS, OTHER)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = list(context["object_list"])
        counts = self.story_counts([row.pk for row in rows]) if rows else {}
        entries = [
            Entry(
                name=self.entry_name(row),
                url=self.entry_url(row),
                detail=self.entry_detail(row),
                stories=counts.get(row.pk, 0),
            )
            for row in rows
        ]
        path = reverse(self.url_name)
        page_obj = context["page_obj"]
        context.update(
            entries=entries,
            letter=self.letter,
            letter_label=letter_label(self.letter) if self.letter else "",
            letters=self.letter_links(path),
            directory_path=path,
            title=self.title,
            empty_text=self.empty_text,
            query_string=urlencode({"letter": self.letter}) if self.letter else "",
            previous_label="Previous",
            next_label="Next",
            page_meta=directory_page(
                self.request,
                title=self.title,
                text=self.summary.format(site=settings.SITE_NAME),
                path=path,
                letter=self.letter,
                page_obj=page_obj,
                entries=entries,
            ),
        )
        return context


def directory_address(path, letter="", page=1):
    """A directory page's one address: its path, the letter, and the page after the first."""
    pairs = [("letter", letter)] if letter else []
    if page > 1:
        pairs.append(("page", page))
    query = urlencode(pairs)
    return f"{path}?{query}" if query else path


def directory_page(request, *, title, text, path, letter, page_obj, entries):
    """The head of a directory page: a CollectionPage listing this page's entries.

    The first page of the directory and of each letter is indexed; later pages and
    empty letters are "noindex, follow": every person, film and topic page is in
    the sitemaps, so search engines need no deep alphabetical listing to find
    them, and these thin pages stay out of results while their links still count.
    """
    number = page_obj.number if page_obj else 1
    label = letter_label(letter) if letter else ""
    heading = f"{title}: {label}" if letter else f"{title} A–Z"
    page_title = f"{heading}, page {number}" if number > 1 else heading
    here = directory_address(path, letter, number)
    url = absolute_url(here, request)
    trail = [("Home", reverse("home")), (title, path)]
    if letter:
        trail.append((label, directory_address(path, letter)))
    first = page_obj.start_index() if entries else 1
    return PageMeta(
        title=page_title,
        description=description(f"{title} under “{label}”. {text}" if letter else text),
        canonical=url,
        robots="noindex, follow" if number > 1 or not entries else "",
        image=social_image(None, "og", request),
        structured_data=ld.json_ld_script(
            [
                ld.listing_page(
                    page_title,
                    here,
                    [(entry.url, entry.name) for entry in entries],
                    request,
                    first_position=first,
                ),
                ld.breadcrumbs(trail, request),
            ]
        ),
    )


def fill_sort_names(model, field):
    """Data migrations: give every row of `model` the sort name of its `field`'s source."""
    source = model._meta.get_field(field).source
    rows = list(model.objects.only("pk", source))
    for row in rows:
        setattr(row, field, sort_name(getattr(row, source))[:200])
    model.objects.bulk_update(rows, [field], batch_size=1000)
