from django import template

from desk.home import desk_for

register = template.Library()


@register.inclusion_tag("desk/home.html", takes_context=True)
def desk_home(context):
    """The desk's sections for the signed-in user (desk.home owns the queries)."""
    request = context["request"]
    return {"desk": desk_for(request.user, request.GET), "request": request}
