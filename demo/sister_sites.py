"""Our (invented) network's other sites and a few of their headlines."""

from demo.specs import LOGO, Picture, SisterLinkSpec, SisterSiteSpec


def logo(name, palette, subject):
    return Picture(
        title=f"{name} logo",
        alt_text=f"The {name} logo: a large serif {name[0]} in a circle above the name",
        caption=f"Logo of {name}, our sister site for {subject}.",
        credit=f"{name}",
        scene="logo",
        palette=palette,
        size=LOGO,
        lines=(name,),
        tags=("logo",),
    )


SISTER_SITES = [
    SisterSiteSpec(
        name="Nightshift",
        slug="nightshift",
        home_url="https://nightshift.example/",
        feed_url="https://nightshift.example/feed/",
        logo=logo("Nightshift", "sunny", "music"),
        order=1,
        links=(
            SisterLinkSpec(
                "The Velvet Switchboard soundtrack: every 1962 single, ranked",
                "lists/velvet-switchboard-soundtrack-ranked/",
                age_days=3,
                pinned=True,
            ),
            SisterLinkSpec(
                "Kasimir Oyelaran on recording a choir in a flooded church",
                "interviews/kasimir-oyelaran-marlow-fen-score/",
                age_days=18,
            ),
            SisterLinkSpec(
                "Ten festival sets that made the whole field go quiet",
                "live/festival-sets-that-went-quiet/",
                age_days=6,
            ),
        ),
    ),
    SisterSiteSpec(
        name="Courtside",
        slug="courtside",
        home_url="https://courtside.example/",
        logo=logo("Courtside", "teal", "sport"),
        order=2,
        links=(
            SisterLinkSpec(
                "Why every sports documentary now has the same piano score",
                "culture/sports-documentary-piano-score/",
                age_days=4,
            ),
            SisterLinkSpec(
                "The rowing coach who taught a horror star to scull in the dark",
                "features/rowing-coach-marlow-fen/",
                age_days=21,
            ),
            SisterLinkSpec(
                "Transfer window live: all the late deals",
                "live/transfer-window-late-deals/",
                age_days=40,
                hidden=True,
            ),
        ),
    ),
    SisterSiteSpec(
        name="Plated",
        slug="plated",
        home_url="https://plated.example/",
        feed_url="https://plated.example/rss/",
        logo=logo("Plated", "rust", "food"),
        order=3,
        links=(
            SisterLinkSpec(
                "What the Port Cassel chippy in The Salt Ledger actually serves",
                "features/salt-ledger-chip-shop/",
                age_days=2,
            ),
            SisterLinkSpec(
                "A 1962 diner menu, recreated for a night of prestige TV",
                "recipes/1962-diner-menu/",
                age_days=12,
            ),
            SisterLinkSpec(
                "The best cinema snacks, judged by people who should know better",
                "lists/best-cinema-snacks/",
                age_days=27,
            ),
        ),
    ),
]
