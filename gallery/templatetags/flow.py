from django import template

register = template.Library()


@register.inclusion_tag("_next_action.html", takes_context=True)
def next_action(context, obj):
    """The next step of the guided path after ``obj`` (gallery/flow.py) as the page's primary button."""
    from gallery.flow import next_action as decide

    request = context.get("request")
    return {"action": decide(obj, request.user) if request is not None else None,
            "csrf_token": context.get("csrf_token")}
