"""Merging duplicate people: the newsroom's usual reason to delete one."""

from django.db import transaction

from people.models import FormerSlug

# Callables (kept, duplicate) that move to `kept` what the apps above people hold of
# a duplicate about to be deleted (articles: links in story bodies). People knows no
# such app: each registers its step when it is ready.
merge_steps = []


def register_merge_step(step):
    merge_steps.append(step)


# Fields the kept person takes from a duplicate when their own is empty.
FILLED_FROM_DUPLICATE = [
    "description",
    "bio",
    "portrait",
    "birth_date",
    "website",
    "imdb_id",
    "wikidata_id",
]


@transaction.atomic
def merge_people(kept, duplicates):
    """Move everything that uses `duplicates` to `kept`, then delete the duplicates.

    Bylines, "In this story" links, credits, profile links and whatever the apps'
    merge steps move (a part `kept` already has is not repeated); empty details of `kept` are filled in; the
    duplicates' addresses redirect to `kept` from now on.
    """
    duplicates = [person for person in duplicates if person.pk != kept.pk]
    for duplicate in duplicates:
        _move_parts(duplicate.authorships.all(), kept, ["article_id", "role"])
        _move_parts(duplicate.credits.all(), kept, ["film_id", "role", "character_name"])
        kept.articles.add(*duplicate.articles.all())
        duplicate.articles.clear()
        known_urls = set(kept.links.values_list("url", flat=True))
        duplicate.links.exclude(url__in=known_urls).update(person=kept)
        for field in FILLED_FROM_DUPLICATE:
            if not getattr(kept, field) and getattr(duplicate, field):
                setattr(kept, field, getattr(duplicate, field))
        if kept.user_id is None and duplicate.user_id is not None:
            kept.user_id, duplicate.user_id = duplicate.user_id, None
            duplicate.save(update_fields=["user"])
        duplicate.former_slugs.update(person=kept)
        for step in merge_steps:
            step(kept, duplicate)
        slug = duplicate.slug
        duplicate.delete()
        FormerSlug.objects.update_or_create(slug=slug, defaults={"person": kept})
    kept.save()
    return kept


def _move_parts(parts, kept, identity):
    """Give each of `parts` (bylines or credits) to `kept`, dropping those `kept` already has."""

    def key(part):
        return tuple(getattr(part, name) for name in identity)

    held = {key(part) for part in parts.model.objects.filter(person=kept)}
    for part in parts:
        if key(part) in held:
            part.delete()
        else:
            part.person = kept
            part.save()
