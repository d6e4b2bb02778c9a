from django import template

register = template.Library()


@register.inclusion_tag("_next_action.html", takes_context=True)
def next_action(context, obj):
    """The next step of the guided path after ``obj`` (gallery/flow.py) as the page's primary button."""
    from gallery.flow import next_action as decide

    request = context.get("request")
    action = decide(obj, request.user) if request is not None else None
    if action is not None and action.url and action.url.split("#")[0].split("?")[0] == request.path:
        action = None  # a page is not its own next step (the signing screen and its 去签署)
    return {"action": action, "csrf_token": context.get("csrf_token")}
