"""Admin lists that cost the same with a hundred rows or a hundred thousand.

Django's change list counts every matching row for its paginator and, unless
`show_full_result_count` is off, the whole table once more: two full scans per
page view on a large archive. `BoundedCountPaginator` counts exactly up to
COUNT_LIMIT rows and, past that, takes PostgreSQL's planner estimate (the list
then says "about"); `LeanChangeList` leaves out the long text columns a list
never shows (ModelAdmin.list_defer).
"""

import json

from django.contrib.admin.views.main import ChangeList
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

COUNT_LIMIT = 10_000


class BoundedCountPaginator(Paginator):
    @cached_property
    def count(self):
        queryset = self.object_list
        counted = queryset.order_by()[: COUNT_LIMIT + 1].count()
        if counted <= COUNT_LIMIT:
            return counted
        return max(COUNT_LIMIT + 1, estimated_count(queryset))


def estimated_count(queryset):
    """The planner's row estimate for `queryset` on PostgreSQL; an exact count elsewhere."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return queryset.count()
    sql, params = queryset.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        (plan,) = cursor.fetchone()
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


class LeanChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.defer(*getattr(self.model_admin, "list_defer", ()))


def bound_list(model_admin):
    """Make a ModelAdmin's change list bounded: no full count, a bounded paginator."""
    model_admin.show_full_result_count = False
    model_admin.paginator = BoundedCountPaginator
