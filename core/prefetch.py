"""Filling a relation's cache from rows already loaded (JSON columns, one joined query),
so templates reading `obj.<relation>.all()` ask the database nothing more."""


def prefetched(instance, name, queryset, objects):
    """Store `objects` as the result of `instance.<name>.all()`, the way prefetch_related does."""
    queryset._result_cache = objects
    queryset._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[name] = queryset
