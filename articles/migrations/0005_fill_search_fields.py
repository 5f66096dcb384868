from collections import defaultdict
from itertools import batched

from django.db import migrations

from articles.search import plain_text

BATCH_SIZE = 500


def fill_search_fields(apps, schema_editor):
    """What Article.fill_search_fields() does, for the stories that exist already."""
    Article = apps.get_model("articles", "Article")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    # Historical models have no generic relations, so tags are read through TaggedItem.
    story_type = ContentType.objects.filter(app_label="articles", model="article").first()
    stories = Article.objects.order_by("pk").prefetch_related("people", "films")
    for batch in batched(stories.iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
        tag_names = defaultdict(list)
        tagged = TaggedItem.objects.filter(
            content_type=story_type, object_id__in=[story.pk for story in batch]
        )
        for story_id, name in tagged.values_list("object_id", "tag__name"):
            tag_names[story_id].append(name)
        for story in batch:
            story.body_text = plain_text(story.body)
            story.search_terms = ", ".join(
                [
                    *sorted(tag_names[story.pk]),
                    *sorted(person.name for person in story.people.all()),
                    *sorted(film.title for film in story.films.all()),
                ]
            )
        Article.objects.bulk_update(batch, ["body_text", "search_terms"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_article_search_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("films", "0001_initial"),
        ("people", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(fill_search_fields, migrations.RunPython.noop, elidable=True)
    ]
