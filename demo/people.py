"""The people of the demo: our own staff, and the (invented) actors and film-makers we cover."""

from demo.specs import PORTRAIT, PersonSpec, Picture

STAFF_PHOTO = "PHOTO: Metro/Jo Park"

BACKDROPS = {
    "teal": "deep teal",
    "fen": "misty grey-green",
    "velvet": "burgundy",
    "space": "midnight blue",
    "neon": "violet",
    "rust": "burnt orange",
    "mono": "charcoal",
    "sunny": "warm yellow",
    "forest": "forest green",
    "dusk": "dusky purple",
    "paper": "cream",
}


def portrait(name, role, palette, hair, credit=STAFF_PHOTO):
    return Picture(
        title=f"{name}, portrait",
        alt_text=f"Head-and-shoulders portrait of {name}, lit from the side "
        f"against a {BACKDROPS[palette]} studio backdrop",
        caption=f"{name}, {role}.",
        credit=credit,
        scene="portrait",
        palette=palette,
        size=PORTRAIT,
        lines=(hair,),
        tags=("portrait",),
    )


def person(name, slug, description, bio, palette, hair, **extra):
    return PersonSpec(
        name=name,
        slug=slug,
        description=description,
        bio=bio,
        portrait=portrait(name, description.lower(), palette, hair),
        **extra,
    )


STAFF = [
    person(
        "Hattie Marchbanks",
        "hattie-marchbanks",
        "Senior film writer",
        "Hattie covers the film business from the festival circuit to the edit suite. "
        "She joined Metro from a regional daily, where she reviewed everything from "
        "opera to monster-truck rallies.\n\n"
        "She is happiest on the third day of a festival, with a bad coffee and a good tip.",
        "paper",
        "bun",
    ),
    person(
        "Omar Delacroix-Reid",
        "omar-delacroix-reid",
        "TV editor",
        "Omar runs Metro's television coverage and has watched more pilot episodes than "
        "he would like to admit. Before Metro he produced a late-night radio show about "
        "the week in television.\n\n"
        "He believes every series is one good episode away from greatness, and says so "
        "in writing.",
        "teal",
        "short",
    ),
    person(
        "Lena Sorokina",
        "lena-sorokina",
        "Entertainment reporter",
        "Lena reports on castings, deals and the people behind them. She has a reliable "
        "instinct for which renewal is about to be announced and which one quietly is not.\n\n"
        "She grew up above a video-rental shop and still reads the back of every box.",
        "velvet",
        "long",
    ),
    person(
        "Felix Arundel",
        "felix-arundel",
        "Chief film critic",
        "Felix has reviewed films for Metro for a decade. He watches everything on the "
        "biggest screen he can find and keeps his notebook in the dark.\n\n"
        "He has walked out of exactly one film, and will not say which.",
        "mono",
        "curly",
    ),
    person(
        "Jo Park",
        "jo-park",
        "Staff photographer",
        "Jo shoots premieres, portraits and film sets for Metro, and is the reason our "
        "interviews look the way they do.\n\n"
        "Jo's rule: one more frame after everyone thinks the shoot is over.",
        "forest",
        "short",
    ),
]

TALENT = [
    person(
        "Odile Brannagh",
        "odile-brannagh",
        "Actor",
        "Odile Brannagh trained on the stage and spent ten years in repertory theatre "
        "before television found her. She is known for playing clever women who are "
        "slightly too sure of themselves.\n\n"
        "She leads Netflix's coastal thriller The Salt Ledger.",
        "teal",
        "long",
        birth_date="1988-03-14",
        website="https://odilebrannagh.example/",
    ),
    person(
        "Caspian Reyes-Whitlow",
        "caspian-reyes-whitlow",
        "Actor",
        "Caspian Reyes-Whitlow moves between prestige television and small independent "
        "films, usually as the brother, friend or stranger who knows more than he says.",
        "dusk",
        "short",
        birth_date="1991-09-02",
    ),
    person(
        "Imani Castellane",
        "imani-castellane",
        "Actor",
        "Imani Castellane came to attention with a run of short films before her first "
        "lead in Marlow Fen. Critics have called her stillness on screen unnerving; she "
        "calls it listening.",
        "fen",
        "curly",
        birth_date="1995-06-21",
    ),
    person(
        "Teodor Vasko",
        "teodor-vasko",
        "Actor",
        "A character actor with a voice made for sermons and a face made for secrets, "
        "Teodor Vasko has played clergymen, supervisors and at least one very polite "
        "murderer.",
        "mono",
        "short",
        birth_date="1967-11-30",
    ),
    person(
        "Priya Ramaswamy-Holt",
        "priya-ramaswamy-holt",
        "Actor and comedian",
        "Priya Ramaswamy-Holt spent a decade on the stand-up circuit before writing her "
        "way onto screens. She co-wrote and stars in Big Night at the Pennywhistle.",
        "sunny",
        "long",
        birth_date="1986-01-08",
        website="https://priyarh.example/",
    ),
    person(
        "Jonah Featherstone-Oduya",
        "jonah-featherstone-oduya",
        "Actor",
        "Jonah Featherstone-Oduya trained as an engineer before an open audition changed "
        "his plans. He plays Commander Ade Tolland in Orbit of Small Things.",
        "space",
        "short",
        birth_date="1983-04-17",
    ),
    person(
        "Wren Halvorsen",
        "wren-halvorsen",
        "Actor",
        "Wren Halvorsen became a household name as Dot Mulcahy, the quick-fingered "
        "operator at the heart of The Velvet Switchboard.",
        "velvet",
        "bun",
        birth_date="1997-10-05",
    ),
    person(
        "Benedikt Sorel",
        "benedikt-sorel",
        "Actor",
        "Benedikt Sorel is a stage veteran known for slow-burning, physical performances. "
        "He leads Ashes of Cordova Street as a fire investigator with a long memory.",
        "rust",
        "short",
        birth_date="1975-02-11",
    ),
]

FILM_MAKERS = [
    person(
        "Agata Morrow",
        "agata-morrow",
        "Director",
        "Agata Morrow wrote and directed Marlow Fen, her first feature, after a decade "
        "making music videos and short horror films on borrowed equipment.",
        "fen",
        "long",
    ),
    person(
        "Desmond Achterberg",
        "desmond-achterberg",
        "Showrunner and writer",
        "A former auditor, Desmond Achterberg created The Salt Ledger. He still keeps "
        "the receipts for everything, which he says is research.",
        "teal",
        "short",
    ),
    person(
        "Lucía Ferraro-Benn",
        "lucia-ferraro-benn",
        "Director",
        "Lucía Ferraro-Benn directs for film and television. Ashes of Cordova Street is "
        "her third feature; she also directed the opening episodes of The Salt Ledger.",
        "rust",
        "curly",
    ),
    person(
        "Rosalind Achebe-Quinn",
        "rosalind-achebe-quinn",
        "Writer and creator",
        "Rosalind Achebe-Quinn created The Velvet Switchboard from stories her "
        "grandmother told about the night shift at a city telephone exchange.",
        "velvet",
        "long",
    ),
    person(
        "Ansel Korhonen",
        "ansel-korhonen",
        "Writer and director",
        "Ansel Korhonen writes science fiction about ordinary people in extraordinary "
        "places. He created, writes and directs Orbit of Small Things.",
        "space",
        "curly",
    ),
    person(
        "Della Okonkwo-Marsh",
        "della-okonkwo-marsh",
        "Director",
        "Della Okonkwo-Marsh made her name directing ensemble comedy for television. "
        "Big Night at the Pennywhistle is her feature debut.",
        "sunny",
        "bun",
    ),
    person(
        "Ruth Amsel-Pryce",
        "ruth-amsel-pryce",
        "Documentary film-maker",
        "Ruth Amsel-Pryce makes documentaries about places that are about to disappear. "
        "Keepers of the Flicker took her four years and eleven thousand miles.",
        "forest",
        "long",
    ),
    person(
        "Kasimir Oyelaran",
        "kasimir-oyelaran",
        "Composer",
        "Kasimir Oyelaran writes scores built from found sound. For Marlow Fen he "
        "recorded a choir inside a half-flooded church.",
        "mono",
        "curly",
    ),
]

PEOPLE = STAFF + TALENT + FILM_MAKERS
