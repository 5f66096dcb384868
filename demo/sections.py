from demo.specs import SectionSpec

SECTIONS = [
    SectionSpec(
        name="News",
        slug="news",
        description="Deals, dates, castings and renewals: what happened in film and TV today.",
        order=1,
    ),
    SectionSpec(
        name="Film",
        slug="film",
        description="Features, first looks and the craft behind the films everyone will be talking about.",
        order=2,
    ),
    SectionSpec(
        name="TV",
        slug="tv",
        description="Streaming, networks and the series worth your evenings.",
        order=3,
    ),
    SectionSpec(
        name="Interviews",
        slug="interviews",
        description="Actors, directors and writers on the work, in their own words.",
        order=4,
    ),
    SectionSpec(
        name="Reviews",
        slug="reviews",
        description="Our critics on what is new in cinemas and on the streamers.",
        order=5,
    ),
]
