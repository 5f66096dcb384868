from django import template

from media.pictures import slot_picture

register = template.Library()


@register.simple_tag
def picture(image, slot_name, priority=False, css_class=""):
    """{% picture article.hero_image "story-hero" priority=True %}: the image as one of
    media.pictures.SLOTS shows it."""
    return slot_picture(image, slot_name, priority=priority, css_class=css_class)


@register.simple_tag
def rendition_url(image, spec_name, width=None, fmt="jpeg"):
    """The URL of one rendition, e.g. for social cards: {% rendition_url image "og" %}."""
    if image is None or not image.width:
        return ""
    return image.renditions.largest(spec_name, fmt, width).url
