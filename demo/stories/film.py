from demo.galleries import LAKESHORE_OPENING_NIGHT
from demo.specs import STILL, Picture, StorySpec, by

STORIES = [
    StorySpec(
        headline="How Agata Morrow built a drowned village for Marlow Fen",
        slug="agata-morrow-marlow-fen-drowned-village",
        section="film",
        standfirst="No studio tank, no digital water: the director of this year's most "
        "unsettling horror film flooded a quarry, built a church in it and asked her cast "
        "to get wet.",
        body="""
<p>The first thing Agata Morrow did when <em>Marlow Fen</em> was financed was buy a pair of waders. The second was to go looking for a hole in the ground she could fill with water.</p>
<p>She found it two hours from the nearest city: a disused gravel quarry, half-full of rain, with a flat shelf of land on one side where a village could plausibly stand. Over the following four months her production designer built a churchyard, six cottages and a schoolhouse, then let the water in.</p>
<h2>Building to sink</h2>
<p>Most sets are built to look solid. Morrow's were built to look as though they were giving up. The cottages were framed in timber, clad in reclaimed brick and then weathered with salt, moss and a great deal of patience.</p>
[[figure 1]]
<blockquote class="pull-quote"><p>I wanted the audience to feel that the village had been losing an argument with the water for three hundred years.</p></blockquote>
<p>The church was the hardest part. Its tower had to stand above the waterline while its nave sat below it, so that the cast could swim, or wade, through the pews. A diving team was on set every day, and the water was heated for only two of the seven weeks of shooting, a fact Imani Castellane mentions in every interview.</p>
<h2>No digital water</h2>
<p>Morrow insisted on practical effects almost everywhere. The bell that rings beneath the surface is a real bell, hung from a crane and lowered into the quarry; the sound is real too, recorded by composer Kasimir Oyelaran with a hydrophone.</p>
<ul>
<li>Six cottages, one school and a church were built on site.</li>
<li>The quarry took eleven days to flood to the right depth.</li>
<li>Every costume was made in triplicate, because nothing dried overnight.</li>
</ul>
<p>The result is a film that feels cold to the touch. Read <a href="/reviews/marlow-fen-review/">Felix Arundel's review</a>, and our <a href="/news/a24-sets-release-for-marlow-fen/">earlier report on A24's plans</a>.</p>
""",
        hero=Picture(
            title="Marlow Fen: the flooded village at first light",
            alt_text="A misty fenland at dawn, a bare tree and a lone figure standing at the "
            "water's edge behind tall reeds",
            caption="Imani Castellane as Agnes Pell in Marlow Fen.",
            credit="PHOTO: A24",
            scene="fen",
            palette="fen",
        ),
        figures=(
            Picture(
                title="Marlow Fen set: the churchyard in the flooded quarry",
                alt_text="A flat misty marsh with reeds in the foreground and a leafless "
                "tree on the horizon",
                caption="The churchyard set, built in a quarry and then flooded over eleven days.",
                credit="PHOTO: A24",
                scene="fen",
                palette="forest",
                size=STILL,
            ),
        ),
        bylines=by("hattie-marchbanks"),
        tags=("Marlow Fen", "A24", "Horror", "Production design"),
        people=("agata-morrow", "imani-castellane", "kasimir-oyelaran"),
        films=("marlow-fen",),
        age_days=21,
        featured=True,
    ),
    StorySpec(
        headline="First look: Benedikt Sorel walks back into the fire in Ashes of Cordova Street",
        slug="ashes-of-cordova-street-first-look",
        section="film",
        standfirst="Focus Features has released the first images from Lucía Ferraro-Benn's "
        "drama about a fire investigator who never believed the official story.",
        body="""
<p>The first images from <em>Ashes of Cordova Street</em> are almost all taken at night, and almost all of them are orange. Benedikt Sorel, as fire investigator Tomás Ibarra, stands in a street lit by a building that is still burning; in another, Odile Brannagh's Rosa Quintero watches him from a doorway across the road.</p>
<p>The film, written and directed by Lucía Ferraro-Benn, follows Ibarra as he is called back to a tenement where, twenty years earlier, a fire killed four people and was ruled an accident. Now a second fire has started in the same room.</p>
<h2>A slow burn, literally</h2>
<p>Ferraro-Benn said she wanted to make a thriller in which the investigation is as physical as the fire itself: sifting, measuring, photographing, waiting.</p>
<blockquote class="pull-quote"><p>A fire investigator reads a room the way a critic reads a novel. I wanted to film that reading.</p></blockquote>
<p>The production worked with retired investigators, and Sorel spent a month shadowing a city fire department's investigation unit. The fires on screen were staged on a purpose-built street on a studio backlot, burned and rebuilt eleven times.</p>
<p><em>Ashes of Cordova Street</em> is in cinemas soon.</p>
""",
        hero=Picture(
            title="Ashes of Cordova Street: the street at night",
            alt_text="A city street at night with lit windows in tall buildings, their light "
            "reflected on the wet road, a figure walking under a streetlamp",
            caption="Benedikt Sorel as Tomás Ibarra in Ashes of Cordova Street.",
            credit="PHOTO: Focus Features",
            scene="street",
            palette="rust",
        ),
        bylines=by("hattie-marchbanks"),
        tags=("Ashes of Cordova Street", "Focus Features", "First look"),
        people=("benedikt-sorel", "odile-brannagh", "lucia-ferraro-benn"),
        films=("ashes-of-cordova-street",),
        age_days=40,
    ),
    StorySpec(
        headline="The eight films we cannot wait to see before the year is out",
        slug="most-anticipated-films-of-the-season",
        section="film",
        standfirst="From a drowned village to a burning street and a comedy club on its "
        "last legs, these are the films our critics are clearing their diaries for.",
        body="""
<p>Every season has its sure things and its long shots. This one has more long shots than usual, which is exactly why we are excited. Here, in no particular order except the one we argued about for an hour, are the eight films we are most looking forward to.</p>
<h2>The list</h2>
<ol>
<li><strong><em>Marlow Fen</em></strong> — Agata Morrow's debut has been terrifying festival audiences. A24 is bringing it to cinemas first, which is where it belongs.</li>
<li><strong><em>Ashes of Cordova Street</em></strong> — Benedikt Sorel as a fire investigator with one case he cannot let go. Lucía Ferraro-Benn writes and directs.</li>
<li><strong><em>Big Night at the Pennywhistle</em></strong> — Priya Ramaswamy-Holt as the owner of a comedy club with one night left to save it.</li>
<li><strong><em>Keepers of the Flicker</em></strong> — a documentary about three small-town cinemas, from Ruth Amsel-Pryce.</li>
<li><strong><em>Saturday at the Gasworks</em></strong> — a brass band, a closing factory, a final concert. Bring tissues.</li>
<li><strong><em>The Tallow Chandler's Wife</em></strong> — a candlelit period mystery that reportedly uses no electric light at all.</li>
<li><strong><em>Ninety Seconds Over Quill Lake</em></strong> — a thriller set almost entirely inside a small plane.</li>
<li><strong><em>Hollis and the Heron</em></strong> — an animated film about a boy and a bird, which our TV editor has already cried at twice in trailer form.</li>
</ol>
<blockquote class="pull-quote"><p>None of these are sequels. Not one. We checked twice.</p></blockquote>
<h2>And one we are nervous about</h2>
<p>We will not name it, but there is a remake on the schedule whose original is a favourite of everyone in this office. We are choosing hope.</p>
""",
        hero=Picture(
            title="Most anticipated films, geometric illustration",
            alt_text="An abstract illustration of overlapping coloured circles and bars in "
            "red, blue and yellow on a pale background",
            caption="Our critics' picks for the months ahead.",
            credit="ILLUSTRATION: Metro/Design desk",
            scene="abstract",
            palette="paper",
        ),
        bylines=by("felix-arundel", "hattie-marchbanks"),
        tags=("Lists", "Marlow Fen", "Ashes of Cordova Street", "Big Night at the Pennywhistle"),
        films=(
            "marlow-fen",
            "ashes-of-cordova-street",
            "big-night-at-the-pennywhistle",
            "keepers-of-the-flicker",
        ),
        age_days=50,
    ),
    StorySpec(
        headline="Listen closely: the Marlow Fen score was recorded inside a flooded church",
        slug="marlow-fen-score-flooded-church",
        section="film",
        standfirst="Composer Kasimir Oyelaran put a choir in waders and microphones under "
        "the water. The result is the year's most unsettling soundtrack.",
        body="""
<p>Halfway through <em>Marlow Fen</em> there is a sound that most audiences assume is a synthesiser. It is in fact eleven singers, standing knee-deep in water inside a church, humming a single note while the composer drags a microphone slowly across the flooded floor.</p>
<p>Kasimir Oyelaran has built a career from found sound, but he says this score was the first in which the building itself felt like a member of the band.</p>
<blockquote class="pull-quote"><p>Water changes everything about a room. The reverb goes soft and strange. It sounds like the church is trying to remember a song.</p></blockquote>
<h2>How it was made</h2>
<p>Oyelaran recorded over four nights in the church that the production had built and flooded, after the crew had gone home. He used hydrophones, underwater microphones, alongside conventional ones, and later layered the two so that the audience hears the choir from both above and below the surface at once.</p>
<p>The famous bell, which tolls under the water in the film's most discussed scene, was recorded the same way. He went through four bells before finding one that sounded, in his words, "sad enough".</p>
<h2>Where to hear it</h2>
<p>The soundtrack is out now on all the usual services. Our sister site Nightshift has <a href="https://nightshift.example/interviews/kasimir-oyelaran-marlow-fen-score/">a longer conversation with Oyelaran</a> about the recording sessions.</p>
""",
        hero=Picture(
            title="Marlow Fen score session: mist over the water",
            alt_text="Grey mist lying over still water and reeds, with a bare tree in the distance",
            caption="The flooded church where Kasimir Oyelaran recorded the Marlow Fen choir.",
            credit="PHOTO: A24",
            scene="fen",
            palette="mono",
        ),
        bylines=by("lena-sorokina"),
        tags=("Marlow Fen", "Film music", "A24"),
        people=("kasimir-oyelaran", "agata-morrow"),
        films=("marlow-fen",),
        age_days=19,
    ),
    StorySpec(
        headline="Big Night at the Pennywhistle trailer: five things we learned",
        slug="pennywhistle-trailer-five-things",
        section="film",
        standfirst="The first full trailer for Prime Video's comedy is two and a half minutes "
        "of heckling, bad lighting and one excellent pratfall. Here is what it tells us.",
        body="""
<p>Prime Video has released the first full trailer for <em>Big Night at the Pennywhistle</em>, and it is the rare comedy trailer that saves some of its jokes. We watched it more times than is healthy. Here is what we noticed.</p>
<h2>1. The club is the star</h2>
<p>The Pennywhistle itself is a character: a low ceiling, a brick wall, a neon sign that only half works. It was shot in a real club, and it shows.</p>
<h2>2. Priya Ramaswamy-Holt is not playing it safe</h2>
<p>As owner Bunny Kessler she spends most of the trailer in a state of barely controlled panic, which she turns, in one unbroken shot, into a four-minute set to stall a restless crowd.</p>
<h2>3. Wren Halvorsen gets the best line</h2>
<p>We will not spoil it, but it involves a smoke machine and the phrase "this is not my department".</p>
<h2>4. There is a mystery headliner</h2>
<p>Jonah Featherstone-Oduya's washed-up star is set up as the answer to all of Bunny's problems. The trailer never shows him on stage, which is either a clever tease or a warning.</p>
<h2>5. It is short</h2>
<p>The film runs just under an hour and forty minutes, which for a comedy is exactly right.</p>
<blockquote class="pull-quote"><p>A comedy trailer that saves its best jokes for the film. We had forgotten those existed.</p></blockquote>
<p>Read our <a href="/news/priya-ramaswamy-holt-to-star-in-pennywhistle/">original report on the film's casting</a>.</p>
""",
        hero=Picture(
            title="Pennywhistle trailer still: Bunny Kessler under the spotlight",
            alt_text="A woman in silhouette at a microphone under a pink spotlight in a "
            "brick-walled club, a neon sign reading Pennywhistle above her",
            caption="Priya Ramaswamy-Holt as Bunny Kessler in Big Night at the Pennywhistle.",
            credit="PHOTO: Prime Video",
            scene="stage",
            palette="neon",
            lines=("PENNYWHISTLE",),
        ),
        bylines=by("lena-sorokina"),
        tags=("Big Night at the Pennywhistle", "Prime Video", "Trailers", "Comedy"),
        people=("priya-ramaswamy-holt", "wren-halvorsen", "jonah-featherstone-oduya"),
        films=("big-night-at-the-pennywhistle",),
        age_days=16,
    ),
    StorySpec(
        headline="The mid-budget thriller is back. Here is why studios changed their minds",
        slug="mid-budget-thriller-comeback",
        section="film",
        standfirst="For a decade, films that cost too much to be small and too little to be "
        "blockbusters all but vanished. Streamers and a few stubborn distributors are "
        "bringing them back.",
        body="""
<p>There was a time when the adult thriller, a film with a recognisable star, a twisty plot and a budget somewhere between modest and comfortable, was the backbone of the release calendar. Then, for about ten years, it almost disappeared.</p>
<h2>What went wrong</h2>
<p>The usual explanation is that the middle of the market was squeezed from both ends: franchises took the cinema screens and prestige television took the adult audience. A thriller that needed a good opening weekend to survive had nowhere to go.</p>
<blockquote class="pull-quote"><p>The thriller never stopped working. The business model around it did.</p></blockquote>
<h2>What changed</h2>
<p>Streaming services discovered that thrillers keep subscribers watching, and that they travel well across languages. At the same time, a handful of theatrical distributors found that a thriller released on fewer screens, for longer, can make its money back slowly.</p>
<p>[Still to come: numbers from the distributor interviews, and a quote from Lucía Ferraro-Benn on <em>Ashes of Cordova Street</em>.]</p>
""",
        hero=Picture(
            title="Mid-budget thrillers, geometric illustration",
            alt_text="Abstract shapes in dusk colours: an orange circle, dark bars and a "
            "purple half-moon",
            caption="Illustration for our analysis of the thriller's return.",
            credit="ILLUSTRATION: Metro/Design desk",
            scene="abstract",
            palette="dusk",
        ),
        bylines=by("felix-arundel"),
        tags=("Analysis", "Thrillers", "Film industry"),
        films=("ashes-of-cordova-street", "the-salt-ledger"),
        status="draft",
    ),
    StorySpec(
        headline="Inside the last single-screen cinemas: a photo essay",
        slug="last-single-screen-cinemas-photo-essay",
        section="film",
        standfirst="Our photographer spent a month in three small-town picture houses, "
        "from the projection booth to the ticket desk, as they enjoyed a surprise revival.",
        body="""
<p>There is a moment, just before the film starts in a small cinema, when the room goes quiet in a way it never does at home. Jo Park spent a month trying to photograph that moment, in three towns, with three very different audiences.</p>
<h2>The booth</h2>
<p>Every one of the cinemas we visited still has a projectionist, though only one still runs film most nights. The booths are cramped, warm and full of handwritten notes to whoever is on shift next.</p>
[[figure 1]]
<blockquote class="pull-quote"><p>I have been here thirty-one years. The projector has been here longer. We have an understanding.</p></blockquote>
<h2>The audience</h2>
<p>Saturday matinees are the busiest sessions everywhere, full of grandparents and children. Late-night horror comes a close second, and brings a very different crowd.</p>
[[figure 2]]
<p>These are the same cinemas that feature in Ruth Amsel-Pryce's documentary <em>Keepers of the Flicker</em>; read <a href="/reviews/keepers-of-the-flicker-review/">our review</a>.</p>
""",
        hero=Picture(
            title="Single-screen cinema from the back row",
            alt_text="A dark cinema auditorium seen from the back, rows of seats and heads "
            "facing a bright screen, a projector beam overhead",
            caption="The main screen of a single-screen cinema, twenty minutes before a matinee.",
            credit="PHOTO: Metro/Jo Park",
            scene="cinema",
            palette="velvet",
        ),
        figures=(
            Picture(
                title="Single-screen cinema: the auditorium before the lights go down",
                alt_text="A small audience in silhouette waiting in front of a glowing screen",
                caption="Regulars take their usual seats before a Saturday matinee.",
                credit="PHOTO: Metro/Jo Park",
                scene="cinema",
                palette="rust",
                size=STILL,
            ),
            Picture(
                title="Single-screen cinema: the street outside at night",
                alt_text="A small-town street at night, lit windows reflected on wet tarmac",
                caption="The high street outside after the late show.",
                credit="PHOTO: Metro/Jo Park",
                scene="street",
                palette="dusk",
                size=STILL,
            ),
        ),
        bylines=by("hattie-marchbanks", photos="jo-park"),
        tags=("Cinemas", "Photo essay", "Keepers of the Flicker"),
        people=("jo-park", "ruth-amsel-pryce"),
        films=("keepers-of-the-flicker",),
        age_days=8,
    ),
    StorySpec(
        headline="Watch Priya Ramaswamy-Holt open Big Night at the Pennywhistle",
        slug="pennywhistle-opening-clip",
        section="film",
        standfirst="Prime Video has released the first four minutes of the comedy: one "
        "club owner, one microphone and a rent demand she reads out as stand-up.",
        body="""
<p>The opening of <em>Big Night at the Pennywhistle</em> is a single unbroken shot. Bunny Kessler, played by Priya Ramaswamy-Holt, walks from the street door to the stage of her failing comedy club, picks up the landlord's letter from the bar on the way, and performs it.</p>
[[embed https://www.youtube.com/watch?v=Pw4nyWh1stL]]
<h2>One take, nine attempts</h2>
<p>Director Della Okonkwo-Marsh said the scene took nine takes over a single night, most of them lost to extras laughing in the wrong places. The version in the film is the eighth.</p>
<blockquote class="pull-quote"><p>The letter is real money she does not have. The jokes have to land anyway, because that is the only thing Bunny knows how to do.</p></blockquote>
<h2>What happens next</h2>
<p>The film reaches Prime Video after a week in cinemas. Read <a href="/film/pennywhistle-trailer-five-things/">what we learned from the trailer</a>.</p>
""",
        hero=Picture(
            title="Big Night at the Pennywhistle clip: Bunny takes the stage",
            alt_text="A performer at a microphone under a pink spotlight, the club's tables "
            "dark in front of her",
            caption="Priya Ramaswamy-Holt as Bunny Kessler in the film's opening scene.",
            credit="PHOTO: Prime Video",
            scene="stage",
            palette="neon",
        ),
        bylines=by("felix-arundel"),
        tags=("Big Night at the Pennywhistle", "Prime Video", "Comedy", "Clips"),
        people=("priya-ramaswamy-holt", "della-okonkwo-marsh"),
        films=("big-night-at-the-pennywhistle",),
        age_days=4,
    ),
    StorySpec(
        headline="Lakeshore Film Festival opening night, in pictures",
        slug="lakeshore-opening-night-in-pictures",
        section="film",
        standfirst="A brass band, a queue to the end of Quay Street and 900 people laughing "
        "at the same joke: the festival's first night, by our photographer.",
        body="""
<p>The Lakeshore Film Festival opened with <em>Saturday at the Gasworks</em>, a comedy about a brass band's last concert, and the band came too. Jo Park spent the night outside, inside and, briefly, on stage.</p>
[[gallery 1]]
<h2>The first film</h2>
<p>The screening ran twenty minutes late, which nobody seemed to mind: the band played the queue into the hall and then, when the credits rolled, played it back out again.</p>
<blockquote class="pull-quote"><p>We have never had an opening night where the audience hummed on the way out.</p></blockquote>
<h2>What is still to come</h2>
<p>The festival runs for ten more days and closes with <em>Ashes of Cordova Street</em>. Read <a href="/news/lakeshore-film-festival-line-up/">the full line-up</a>.</p>
""",
        hero=Picture(
            title="Lakeshore opening night: the marquee",
            alt_text="A cinema front at night, its marquee lit over a crowd on the pavement",
            caption="The festival's main venue on opening night.",
            credit="PHOTO: Metro/Jo Park",
            scene="premiere",
            palette="dusk",
            lines=("OPENING NIGHT",),
        ),
        galleries=(LAKESHORE_OPENING_NIGHT,),
        bylines=by("hattie-marchbanks", photos="jo-park"),
        tags=("Festivals", "Lakeshore Film Festival", "Photo essay"),
        people=("jo-park",),
        films=("ashes-of-cordova-street",),
        age_days=31,
    ),
]
