"""Galleries: ordered sets of library pictures that stories show as slideshows."""

from demo.specs import STILL, GalleryPicture, GallerySpec, Picture


def festival_photo(title, *, alt_text, caption, scene, palette, lines=()):
    return Picture(
        title=f"Lakeshore opening night: {title}",
        alt_text=alt_text,
        caption=caption,
        credit="PHOTO: Metro/Jo Park",
        scene=scene,
        palette=palette,
        size=STILL,
        lines=lines,
        tags=("Lakeshore Film Festival",),
    )


LAKESHORE_OPENING_NIGHT = GallerySpec(
    title="Lakeshore Film Festival, opening night",
    items=(
        GalleryPicture(
            festival_photo(
                "arrivals",
                alt_text="Guests walking a red carpet between brass posts, flashes going off "
                "in front of a printed backdrop",
                caption="The first arrivals reach the carpet an hour before the screening.",
                scene="premiere",
                palette="rust",
                lines=("LAKESHORE",),
            )
        ),
        GalleryPicture(
            festival_photo(
                "the band plays the queue in",
                alt_text="Performers on a small stage under a single spotlight, an audience "
                "in silhouette below",
                caption="A brass band from the opening film plays the queue into the hall.",
                scene="stage",
                palette="sunny",
            ),
            # The gallery's own words: the library keeps the picture's general caption.
            caption="The Gasworks Silver Band, who play themselves in Saturday at the "
            "Gasworks, warm up the crowd before the screening.",
        ),
        GalleryPicture(
            festival_photo(
                "the queue on Quay Street",
                alt_text="A queue of people along a wet street at night, shop windows and "
                "street lamps reflected in the tarmac",
                caption="The queue for returns stretched to the end of Quay Street.",
                scene="street",
                palette="dusk",
            )
        ),
        GalleryPicture(
            festival_photo(
                "a full house",
                alt_text="A packed cinema seen from the back row, heads in silhouette against "
                "a bright screen",
                caption="A full house of 900 for the festival's first film.",
                scene="cinema",
                palette="velvet",
            )
        ),
        GalleryPicture(
            festival_photo(
                "after the credits",
                alt_text="A red carpet emptied of guests late at night, the backdrop still lit",
                caption="The carpet after midnight, swept and waiting for day two.",
                scene="premiere",
                palette="neon",
                lines=("DAY ONE",),
            ),
            credit="PHOTO: Metro/Jo Park for the Lakeshore Film Festival",
        ),
    ),
)


def set_photo(title, *, alt_text, caption, scene, palette):
    return Picture(
        title=f"The Velvet Switchboard set: {title}",
        alt_text=alt_text,
        caption=caption,
        credit="PHOTO: HBO",
        scene=scene,
        palette=palette,
        size=STILL,
        tags=("The Velvet Switchboard",),
    )


VELVET_SWITCHBOARD_SET = GallerySpec(
    title="Inside the exchange: The Velvet Switchboard's set",
    items=(
        GalleryPicture(
            set_photo(
                "the board",
                alt_text="A long switchboard of brass jacks and cords, a few lamps lit",
                caption="Forty working positions, wired so that every lamp can light on cue.",
                scene="switchboard",
                palette="velvet",
            )
        ),
        GalleryPicture(
            set_photo(
                "the supervisor's window",
                alt_text="A figure by a tall window in a dark room, lit from one side",
                caption="Mr Arkwright's office looks down on the floor through glass.",
                scene="interview",
                palette="teal",
            )
        ),
        GalleryPicture(
            set_photo(
                "the night bus stop",
                alt_text="An empty street at night, a lit shop front and a bus stop in the rain",
                caption="The street outside, built on the back lot, where the shift ends at six.",
                scene="street",
                palette="mono",
            )
        ),
        GalleryPicture(
            set_photo(
                "the spare board",
                alt_text="Close view of switchboard jacks, cords hanging in loops",
                caption="A second board, kept for close-ups of the operators' hands.",
                scene="switchboard",
                palette="paper",
            )
        ),
    ),
)
