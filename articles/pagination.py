"""Pages of newest-first lists that never count the whole list.

A section front at 100,000 stories must cost what it costs at 1,000, so these
pages read one row more than they show, to know whether an older page
follows, and say "Page 3", never "Page 3 of 4,812". Only ?page=last counts.
The mechanism is the kernel's (core.pagination.LookaheadPaginator), which the
A–Z directories share.
"""

from core.pagination import LookaheadPage, LookaheadPaginator

ArchivePage = LookaheadPage


class ArchivePaginator(LookaheadPaginator):
    """Section fronts, tag and author pages: newest first, 20 a page (ArchiveListView)."""
