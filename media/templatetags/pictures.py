from django import template

from media.pictures import picture_html

register = template.Library()


@register.simple_tag
def picture(image, spec_name, sizes="100vw", priority=False, css_class=""):
    """{% picture article.hero_image "hero" sizes="(min-width: 48rem) 42rem, 100vw" priority=True %}"""
    return picture_html(image, spec_name, sizes=sizes, priority=priority, css_class=css_class)


@register.simple_tag
def rendition_url(image, spec_name, width=None, fmt="jpeg"):
    """The URL of one rendition, e.g. for social cards: {% rendition_url image "og" %}."""
    if image is None or not image.width:
        return ""
    return image.renditions.largest(spec_name, fmt, width).url
