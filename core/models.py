from django.db import models


class FormerSlug(models.Model):
    """An address something had before (a changed slug, a merged duplicate): it redirects
    for good. Subclasses add the foreign key to what it now leads to."""

    slug = models.SlugField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self):
        return self.slug
