"""Platforms, genres, and the (invented) films and series our stories cover."""

from demo.specs import POSTER, FilmSpec, Picture, WatchSpec

PLATFORMS = [
    ("Netflix", "netflix", "https://www.netflix.com/"),
    ("A24", "a24", "https://a24films.com/"),
    ("HBO", "hbo", "https://www.hbo.com/"),
    ("Apple TV+", "apple-tv-plus", "https://tv.apple.com/"),
    ("Prime Video", "prime-video", "https://www.primevideo.com/"),
    ("Focus Features", "focus-features", "https://www.focusfeatures.com/"),
    ("Hulu", "hulu", "https://www.hulu.com/"),
    # A store and a cinema chain, for where to watch.
    ("Apple TV", "apple-tv", "https://tv.apple.com/"),
    ("Lanternhouse Cinemas", "lanternhouse-cinemas", "https://lanternhouse-cinemas.example/"),
]

GENRES = [
    "Comedy",
    "Crime",
    "Documentary",
    "Drama",
    "Horror",
    "Period",
    "Science fiction",
    "Thriller",
]


def poster(title, *, tagline, names, platform, credits, scene, palette):
    return Picture(
        title=f"{title}, poster",
        alt_text=f"Poster for {title}: the title in large capitals over a {scene} scene, "
        f'with the line "{tagline}"',
        caption=f"The poster for {title}.",
        credit=f"PHOTO: {platform}",
        scene=scene,
        palette=palette,
        size=POSTER,
        lines=(title, tagline, names, f"Only on {platform}", credits),
        poster=True,
        tags=("poster",),
    )


SALT_LEDGER_POSTER = poster(
    "The Salt Ledger",
    tagline="Every debt comes due.",
    names="Odile Brannagh  Caspian Reyes-Whitlow  Benedikt Sorel",
    platform="Netflix",
    credits="Created by Desmond Achterberg | Directed by Lucía Ferraro-Benn",
    scene="harbour",
    palette="teal",
)

FILMS = [
    FilmSpec(
        title="The Salt Ledger",
        slug="the-salt-ledger",
        kind="series",
        platform="Netflix",
        genres=("Thriller", "Crime", "Drama"),
        release_in_days=9,
        runtime_minutes=52,
        rating="TV-MA",
        synopsis="Forensic accountant Nell Garrity comes home to the fishing town of Port "
        "Cassel to settle her missing brother's debts, and finds the harbour co-operative's "
        "books telling a story nobody in town wants read aloud.\n\n"
        "Eight episodes, each one a column of figures that does not add up.",
        poster=SALT_LEDGER_POSTER,
        cast=(
            ("odile-brannagh", "Nell Garrity"),
            ("caspian-reyes-whitlow", "Danny Garrity"),
            ("benedikt-sorel", "Con Devlin"),
        ),
        crew=(
            ("desmond-achterberg", "creator"),
            ("desmond-achterberg", "writer"),
            ("lucia-ferraro-benn", "director"),
        ),
        watch=(
            WatchSpec("stream", "Netflix", url="https://www.netflix.com/"),
            WatchSpec("stream", "Netflix", region="GB", url="https://www.netflix.com/"),
        ),
    ),
    FilmSpec(
        title="Marlow Fen",
        slug="marlow-fen",
        kind="film",
        platform="A24",
        genres=("Horror", "Drama", "Period"),
        release_in_days=-24,
        runtime_minutes=104,
        rating="R",
        synopsis="In the wet winter of 1911, a young schoolteacher arrives in a village "
        "half-swallowed by the fens, where the drowned church's bell is said to ring "
        "beneath the water whenever someone is about to leave.\n\n"
        "Nobody has left in a very long time.",
        poster=poster(
            "Marlow Fen",
            tagline="The water remembers.",
            names="Imani Castellane  Teodor Vasko",
            platform="A24",
            credits="Written and directed by Agata Morrow | Music by Kasimir Oyelaran",
            scene="fen",
            palette="fen",
        ),
        cast=(
            ("imani-castellane", "Agnes Pell"),
            ("teodor-vasko", "Silas Crane"),
        ),
        crew=(
            ("agata-morrow", "director"),
            ("agata-morrow", "writer"),
            ("kasimir-oyelaran", "composer"),
        ),
        # In cinemas first; to rent or buy at home once the theatrical run is over.
        watch=(
            WatchSpec("rent", "Apple TV", after_release_days=45, url="https://tv.apple.com/"),
            WatchSpec("buy", "Apple TV", after_release_days=45, url="https://tv.apple.com/"),
            WatchSpec(
                "buy", "Prime Video", after_release_days=52, url="https://www.primevideo.com/"
            ),
            WatchSpec("cinema"),
            WatchSpec(
                "cinema", "Lanternhouse Cinemas", url="https://lanternhouse-cinemas.example/"
            ),
            WatchSpec("cinema", region="GB", after_release_days=14),
            WatchSpec("rent", "Apple TV", region="GB", after_release_days=60),
        ),
    ),
    FilmSpec(
        title="The Velvet Switchboard",
        slug="the-velvet-switchboard",
        kind="series",
        platform="HBO",
        genres=("Drama", "Period", "Comedy"),
        release_in_days=-58,
        runtime_minutes=58,
        rating="TV-MA",
        synopsis="1962. On the night shift of a city telephone exchange, a dozen operators "
        "connect the calls of the powerful, and hear far more than they are supposed to.\n\n"
        "When Dot Mulcahy patches through a call she should have ignored, the women of "
        "the switchboard have to decide what a secret is worth.",
        poster=poster(
            "The Velvet Switchboard",
            tagline="Every call goes through them.",
            names="Wren Halvorsen  Priya Ramaswamy-Holt  Teodor Vasko",
            platform="HBO",
            credits="Created by Rosalind Achebe-Quinn | Directed by Della Okonkwo-Marsh",
            scene="switchboard",
            palette="velvet",
        ),
        cast=(
            ("wren-halvorsen", "Dot Mulcahy"),
            ("priya-ramaswamy-holt", "Peg Dunleavy"),
            ("teodor-vasko", "Mr Arkwright"),
        ),
        crew=(
            ("rosalind-achebe-quinn", "creator"),
            ("rosalind-achebe-quinn", "writer"),
            ("della-okonkwo-marsh", "director"),
        ),
        watch=(
            WatchSpec("stream", "HBO", after_release_days=None, url="https://www.hbo.com/"),
            WatchSpec("buy", "Apple TV", after_release_days=7, url="https://tv.apple.com/"),
            WatchSpec("buy", "Prime Video", region="GB", after_release_days=30),
        ),
    ),
    FilmSpec(
        title="Orbit of Small Things",
        slug="orbit-of-small-things",
        kind="series",
        platform="Apple TV+",
        genres=("Science fiction", "Drama"),
        release_in_days=-45,
        runtime_minutes=47,
        rating="TV-14",
        synopsis="The five-person crew of a salvage station circling a dead moon spends its "
        "days cataloguing the junk of a vanished colony, until they recover a child's "
        "music box that is still, impossibly, warm.",
        poster=poster(
            "Orbit of Small Things",
            tagline="Nothing up here is ever really lost.",
            names="Jonah Featherstone-Oduya  Imani Castellane  Caspian Reyes-Whitlow",
            platform="Apple TV+",
            credits="Created, written and directed by Ansel Korhonen",
            scene="orbit",
            palette="space",
        ),
        cast=(
            ("jonah-featherstone-oduya", "Commander Ade Tolland"),
            ("imani-castellane", "Dr Ilse Varga"),
            ("caspian-reyes-whitlow", "Pavo Lind"),
        ),
        crew=(
            ("ansel-korhonen", "creator"),
            ("ansel-korhonen", "writer"),
            ("ansel-korhonen", "director"),
        ),
    ),
    FilmSpec(
        title="Big Night at the Pennywhistle",
        slug="big-night-at-the-pennywhistle",
        kind="film",
        platform="Prime Video",
        genres=("Comedy",),
        release_in_days=5,
        runtime_minutes=97,
        rating="R",
        synopsis="Bunny Kessler has run the Pennywhistle comedy club for twenty years and "
        "has one night to find three months' rent. Her plan: the best line-up the room "
        "has ever seen. Her problem: she has booked none of them yet.",
        poster=poster(
            "Big Night at the Pennywhistle",
            tagline="One night. One mic. No refunds.",
            names="Priya Ramaswamy-Holt  Wren Halvorsen  Jonah Featherstone-Oduya",
            platform="Prime Video",
            credits="Directed by Della Okonkwo-Marsh | Written by Della Okonkwo-Marsh "
            "& Priya Ramaswamy-Holt",
            scene="stage",
            palette="neon",
        ),
        cast=(
            ("priya-ramaswamy-holt", "Bunny Kessler"),
            ("wren-halvorsen", "Lou Papadakis"),
            ("jonah-featherstone-oduya", "Marty Gill"),
        ),
        crew=(
            ("della-okonkwo-marsh", "director"),
            ("della-okonkwo-marsh", "writer"),
            ("priya-ramaswamy-holt", "writer"),
        ),
        # A week in cinemas before it streams.
        watch=(
            WatchSpec("stream", "Prime Video", url="https://www.primevideo.com/"),
            WatchSpec(
                "cinema",
                "Lanternhouse Cinemas",
                after_release_days=-7,
                url="https://lanternhouse-cinemas.example/",
            ),
        ),
    ),
    FilmSpec(
        title="Ashes of Cordova Street",
        slug="ashes-of-cordova-street",
        kind="film",
        platform="Focus Features",
        genres=("Drama", "Crime"),
        release_in_days=12,
        runtime_minutes=128,
        rating="R",
        synopsis="Twenty years after a tenement fire he was told was an accident, fire "
        "investigator Tomás Ibarra is called back to Cordova Street, where a new blaze "
        "has started in exactly the same room.",
        poster=poster(
            "Ashes of Cordova Street",
            tagline="Some fires never go out.",
            names="Benedikt Sorel  Odile Brannagh",
            platform="Focus Features",
            credits="Written and directed by Lucía Ferraro-Benn",
            scene="street",
            palette="rust",
        ),
        cast=(
            ("benedikt-sorel", "Tomás Ibarra"),
            ("odile-brannagh", "Rosa Quintero"),
        ),
        crew=(
            ("lucia-ferraro-benn", "director"),
            ("lucia-ferraro-benn", "writer"),
        ),
    ),
    FilmSpec(
        title="Keepers of the Flicker",
        slug="keepers-of-the-flicker",
        kind="film",
        platform="Hulu",
        genres=("Documentary",),
        release_in_days=-15,
        runtime_minutes=88,
        rating="PG",
        synopsis="Three single-screen cinemas in three small towns, and the stubborn "
        "people who keep the projectors running, one Saturday matinee at a time.",
        poster=poster(
            "Keepers of the Flicker",
            tagline="The lights go down. The town comes in.",
            names="A film by Ruth Amsel-Pryce",
            platform="Hulu",
            credits="Directed and written by Ruth Amsel-Pryce",
            scene="cinema",
            palette="teal",
        ),
        cast=(),
        crew=(
            ("ruth-amsel-pryce", "director"),
            ("ruth-amsel-pryce", "writer"),
        ),
        watch=(
            WatchSpec("stream", "Hulu", url="https://www.hulu.com/"),
            WatchSpec("rent", "Apple TV", after_release_days=30, url="https://tv.apple.com/"),
            WatchSpec("rent", "Apple TV", region="GB", after_release_days=30),
        ),
    ),
]
