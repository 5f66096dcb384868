from demo.specs import NoteSpec, Picture, StorySpec, by

STORIES = [
    StorySpec(
        headline="Netflix sets premiere date for coastal thriller The Salt Ledger",
        slug="netflix-sets-date-for-the-salt-ledger",
        section="news",
        standfirst="All eight episodes of Desmond Achterberg's small-town money mystery, "
        "starring Odile Brannagh, will drop at once, with a first teaser arriving alongside "
        "the announcement.",
        body="""
<p>Netflix has set a premiere date for <em>The Salt Ledger</em>, the eight-part thriller that follows a forensic accountant into the books of a failing fishing co-operative. The streamer will release the whole series in one go, a choice creator Desmond Achterberg said suits a story "built like a spreadsheet you cannot stop scrolling".</p>
<p>Odile Brannagh leads the cast as Nell Garrity, who returns to the harbour town of Port Cassel after her younger brother Danny, played by Caspian Reyes-Whitlow, vanishes and leaves behind a stack of unpaid loans. Benedikt Sorel plays Con Devlin, the harbourmaster who would very much like the past to stay where it is.</p>
<h2>A teaser with no dialogue</h2>
<p>The first teaser, released with the date, runs for just under a minute and contains no spoken lines at all. Instead it cuts between gulls, rusting winches and a ledger page on which a single figure is being slowly, carefully rubbed out.</p>
<blockquote class="pull-quote"><p>We wanted the first thing people saw to be a number being erased. That is the whole show in one shot.</p></blockquote>
<p>Lucía Ferraro-Benn directed the opening two episodes. The production shot for five months on the coast, using a working harbour whose real fleet appears in the background of most scenes.</p>
<h2>What comes next</h2>
<p>A full trailer is expected closer to launch. Netflix has not said whether it sees <em>The Salt Ledger</em> as a limited series or the first season of something longer; Achterberg would only say that "every ledger has another page".</p>
""",
        hero=Picture(
            title="The Salt Ledger teaser: Port Cassel harbour at dusk",
            alt_text="Fishing boats silhouetted on a harbour at dusk, a lone figure standing at "
            "the end of a wooden pier",
            caption="Port Cassel harbour, as seen in the first teaser for The Salt Ledger.",
            credit="PHOTO: Netflix",
            scene="harbour",
            palette="teal",
        ),
        bylines=by("lena-sorokina"),
        tags=("Netflix", "The Salt Ledger", "Streaming", "Thrillers"),
        people=("odile-brannagh", "caspian-reyes-whitlow", "desmond-achterberg"),
        films=("the-salt-ledger",),
        age_days=20,
        notes=(
            NoteSpec(
                "Netflix has since released the full trailer, which includes the first "
                "dialogue from the series.",
                after_days=17,
                kind="update",
            ),
        ),
    ),
    StorySpec(
        headline="A24 sets a release date for festival shocker Marlow Fen",
        slug="a24-sets-release-for-marlow-fen",
        section="news",
        standfirst="Agata Morrow's folk horror, which sent a midnight audience into the "
        "lobby at its premiere, will open in cinemas before going anywhere near a streamer.",
        body="""
<p>A24 has dated <em>Marlow Fen</em>, the period horror that became the most talked-about film of the festival circuit's midnight strands. The film will open in cinemas first, with the distributor promising a "long, wet, theatrical life" before any streaming release.</p>
<p>Written and directed by first-time feature-maker Agata Morrow, the film stars Imani Castellane as Agnes Pell, a schoolteacher sent to a village on the fens in 1911, and Teodor Vasko as Silas Crane, the churchwarden who seems to run the place. At its premiere screening, several audience members left during a sequence set beneath the flooded church, and at least one came back for the ending.</p>
<blockquote class="pull-quote"><p>People walking out is not the goal. People walking back in is.</p></blockquote>
<h2>Made on the margins</h2>
<p>The film was shot in a flooded quarry over seven weeks, on a budget Morrow has described as "smaller than the catering on most horror sequels". Much of the crew came with her from the music videos and short films she made for a decade before this debut.</p>
<p>Composer Kasimir Oyelaran's score, recorded partly inside a half-submerged church, has already drawn attention on its own; a soundtrack release is planned for the same week as the film.</p>
""",
        hero=Picture(
            title="Lakeshore festival red carpet, Marlow Fen premiere night",
            alt_text="Guests on a red carpet between rope barriers, camera flashes bursting "
            "in front of a branded backdrop",
            caption="The Marlow Fen team arrives for the film's midnight premiere.",
            credit="PHOTO: Metro/Jo Park",
            scene="premiere",
            palette="velvet",
            lines=("MIDNIGHT",),
        ),
        bylines=by("hattie-marchbanks", photos="jo-park"),
        tags=("A24", "Marlow Fen", "Horror", "Festivals"),
        people=("agata-morrow", "imani-castellane", "teodor-vasko"),
        films=("marlow-fen",),
        age_days=58,
        notes=(
            NoteSpec(
                "An earlier version of this story said the film was shot over nine weeks. "
                "It was shot over seven.",
                after_days=1,
            ),
        ),
    ),
    StorySpec(
        headline="HBO renews The Velvet Switchboard for a second season",
        slug="hbo-renews-the-velvet-switchboard",
        section="news",
        standfirst="The period drama about the night operators of a 1962 telephone exchange "
        "has become the network's most-watched new series of the year, and will return "
        "with two extra episodes.",
        body="""
<p>HBO has renewed <em>The Velvet Switchboard</em> for a second season, halfway through the run of its first. The network said the series, created by Rosalind Achebe-Quinn, has grown its audience every week since launch, an unusual pattern for a period drama with no famous source material.</p>
<p>Season two will run to ten episodes, up from eight. Wren Halvorsen returns as Dot Mulcahy, the youngest operator on the night shift, with Priya Ramaswamy-Holt as her unflappable colleague Peg Dunleavy and Teodor Vasko as their supervisor, Mr Arkwright.</p>
<h2>Where the story goes</h2>
<p>Achebe-Quinn has been careful not to reveal much, but she confirmed the new season moves forward a year, to the winter of 1963, and that the exchange itself will change.</p>
<blockquote class="pull-quote"><p>The machines are getting smarter, and the women who run them are starting to wonder what that means for them.</p></blockquote>
<p>Della Okonkwo-Marsh, who directed four episodes of the first season, will return behind the camera. Filming begins early next year.</p>
<p>Catching up? Read <a href="/reviews/the-velvet-switchboard-review/">our review of the first season</a>.</p>
""",
        hero=Picture(
            title="The Velvet Switchboard: the exchange board lit for the night shift",
            alt_text="A wall of brass telephone jacks and small glowing lamps, with red and "
            "cream patch cords looping between them",
            caption="The switchboard set, rebuilt from archive photographs of a 1960s city exchange.",
            credit="PHOTO: HBO",
            scene="switchboard",
            palette="velvet",
        ),
        bylines=by("omar-delacroix-reid"),
        tags=("HBO", "The Velvet Switchboard", "Renewals", "Period drama"),
        people=("rosalind-achebe-quinn", "wren-halvorsen", "priya-ramaswamy-holt"),
        films=("the-velvet-switchboard",),
        age_days=33,
        notes=(
            NoteSpec(
                "An earlier version of this story gave the number of episodes in the new "
                "season as twelve. There will be ten.",
                after_days=0.5,
            ),
        ),
        featured=True,
    ),
    StorySpec(
        headline="Orbit of Small Things will return, and the station is getting a new crew member",
        slug="orbit-of-small-things-returns",
        section="news",
        standfirst="Apple TV+ has confirmed a second season of Ansel Korhonen's quiet space "
        "drama, and the finale's final shot turns out to have been a casting announcement.",
        body="""
<p>Apple TV+ has renewed <em>Orbit of Small Things</em>, the slow-burning science-fiction series about a salvage crew circling a dead moon. The news came a week after a finale that ended on a new face at the station's airlock, and the streamer has now confirmed that the character will be a series regular.</p>
<p>Jonah Featherstone-Oduya returns as Commander Ade Tolland, alongside Imani Castellane as the station's doctor, Ilse Varga, and Caspian Reyes-Whitlow as engineer Pavo Lind. The new arrival has not been named, and neither has the actor playing them.</p>
<h2>Slower, not bigger</h2>
<p>Creator Ansel Korhonen, who writes and directs every episode, said the second season would not follow the usual path of bigger stakes and more explosions.</p>
<blockquote class="pull-quote"><p>Season two is about what happens after you find something impossible. Mostly, you have to write a report about it.</p></blockquote>
<p>The first season built its audience slowly through word of mouth, helped by a finale that viewers have been taking apart frame by frame. Production resumes in the spring.</p>
""",
        hero=Picture(
            title="Orbit of Small Things: the station's view of the dead moon",
            alt_text="A ringed blue planet filling the right of the frame, a small crescent "
            "moon and scattered stars against deep space",
            caption="The view from the salvage station in Orbit of Small Things.",
            credit="PHOTO: Apple TV+",
            scene="orbit",
            palette="space",
        ),
        bylines=by("omar-delacroix-reid"),
        tags=("Apple TV+", "Orbit of Small Things", "Renewals", "Science fiction"),
        people=("ansel-korhonen", "jonah-featherstone-oduya"),
        films=("orbit-of-small-things",),
        age_days=12,
    ),
    StorySpec(
        headline="Priya Ramaswamy-Holt to write and star in Prime Video comedy Big Night at the Pennywhistle",
        slug="priya-ramaswamy-holt-to-star-in-pennywhistle",
        section="news",
        standfirst="The stand-up turned actor has co-written a film about the last night of "
        "a failing comedy club, with Della Okonkwo-Marsh making her feature debut as director.",
        body="""
<p>Priya Ramaswamy-Holt will lead <em>Big Night at the Pennywhistle</em>, an ensemble comedy set over a single night in a small comedy club, for Prime Video. She co-wrote the script with director Della Okonkwo-Marsh, who is best known for her work on television comedy.</p>
<p>Ramaswamy-Holt plays Bunny Kessler, who has run the Pennywhistle for twenty years and has until the end of the night to find the rent. Wren Halvorsen, currently on screens in <em>The Velvet Switchboard</em>, joins as Lou, the club's long-suffering sound engineer, and Jonah Featherstone-Oduya plays a washed-up headliner who may or may not turn up.</p>
<h2>A love letter to small rooms</h2>
<p>Ramaswamy-Holt spent ten years on the club circuit before acting, and said the film was written as a thank-you to the rooms that raised her.</p>
<blockquote class="pull-quote"><p>Every comedian has a Pennywhistle. A room with a sticky floor and a broken light where you learned to be funny by not being funny for years.</p></blockquote>
<p>Shooting takes place over six weeks in a real club, which will stay open on the nights the crew is not using it.</p>
""",
        hero=Picture(
            title="A comedy club stage under a single spotlight",
            alt_text="A performer in silhouette beside a microphone stand under a spotlight, "
            "a neon sign glowing above a brick wall",
            caption="Priya Ramaswamy-Holt on the Pennywhistle set.",
            credit="PHOTO: Prime Video",
            scene="stage",
            palette="sunny",
            lines=("PENNYWHISTLE",),
        ),
        bylines=by("lena-sorokina"),
        tags=("Prime Video", "Big Night at the Pennywhistle", "Comedy", "Casting"),
        people=("priya-ramaswamy-holt", "della-okonkwo-marsh", "wren-halvorsen"),
        films=("big-night-at-the-pennywhistle",),
        age_days=55,
    ),
    StorySpec(
        headline="Small-town cinemas report their busiest autumn in a decade",
        slug="small-town-cinemas-busiest-autumn",
        section="news",
        standfirst="Independent single-screen venues say audiences are coming back for "
        "horror, documentaries and the simple pleasure of watching with strangers.",
        body="""
<p>Independent cinemas outside the big cities are having their best autumn in ten years, according to a survey of more than two hundred single-screen venues by their trade association. Average attendance is up by nearly a fifth on last year, with late-night horror screenings and local documentaries leading the way.</p>
<p>Programmers point to a handful of films that have done unusually well in small rooms, chief among them <em>Marlow Fen</em>, which several venues have kept on their screens for five weeks or more.</p>
<h2>What is bringing people in</h2>
<p>The survey asked venues which events had sold best this season. The most common answers were:</p>
<ul>
<li>late-night horror double bills, often with a themed bar;</li>
<li>documentaries about the town itself or the region around it;</li>
<li>relaxed screenings for parents with babies, and for audiences who need the lights up a little;</li>
<li>anniversary screenings of films that were shot nearby.</li>
</ul>
<blockquote class="pull-quote"><p>People can watch anything at home. What they cannot get at home is the sound of a hundred people jumping at the same time.</p></blockquote>
<h2>Not out of the woods</h2>
<p>The association warned that energy costs and ageing projection equipment remain serious threats, and that one in ten venues surveyed still expects to close within two years. Ruth Amsel-Pryce's documentary <em>Keepers of the Flicker</em>, which follows three such cinemas, has been screening in many of them as a kind of rallying cry.</p>
<p>See inside three of them in Jo Park's <a href="/film/last-single-screen-cinemas-photo-essay/">photo essay</a>.</p>
""",
        hero=Picture(
            title="Audience in a single-screen cinema before the film",
            alt_text="Rows of cinema seats with a few heads in silhouette, facing a glowing "
            "screen under the beam of a projector",
            caption="A Saturday matinee at a single-screen cinema.",
            credit="PHOTO: Metro/Jo Park",
            scene="cinema",
            palette="teal",
        ),
        bylines=by("hattie-marchbanks", "lena-sorokina", photos="jo-park"),
        tags=("Cinemas", "Box office", "Keepers of the Flicker"),
        films=("keepers-of-the-flicker", "marlow-fen"),
        age_days=7,
    ),
    StorySpec(
        headline="Lakeshore Film Festival unveils its line-up, with Ashes of Cordova Street closing",
        slug="lakeshore-film-festival-line-up",
        section="news",
        standfirst="Lucía Ferraro-Benn's fire drama will close the festival, which this year "
        "promises more debuts, fewer sequels and a midnight strand curated by horror fans.",
        body="""
<p>The Lakeshore Film Festival has announced its programme, and the headline is a slot for <em>Ashes of Cordova Street</em>, Lucía Ferraro-Benn's drama about a fire investigator called back to the scene of a blaze he has never stopped thinking about. Benedikt Sorel and Odile Brannagh star.</p>
<p>The festival's director said this year's selection leans hard towards new voices, with more than a third of the films in competition from first- or second-time directors.</p>
<h2>Highlights of the programme</h2>
<ul>
<li><strong>Opening night:</strong> <em>Saturday at the Gasworks</em>, an ensemble comedy about a brass band's last concert.</li>
<li><strong>Competition:</strong> twelve features, including <em>The Tallow Chandler's Wife</em> and <em>Ninety Seconds Over Quill Lake</em>.</li>
<li><strong>Midnight:</strong> a strand of new horror, chosen this year by a jury of festival volunteers.</li>
<li><strong>Closing night:</strong> <em>Ashes of Cordova Street</em>.</li>
</ul>
<blockquote class="pull-quote"><p>We looked for films that could only have been made by the people who made them.</p></blockquote>
<p>Tickets go on sale to members next week and to the public a week later. Metro will be reporting from the festival every day.</p>
""",
        hero=Picture(
            title="Lakeshore Film Festival step-and-repeat and red carpet",
            alt_text="A red carpet lined with brass posts and ropes, in front of a backdrop "
            "printed with the word Lakeshore",
            caption="The red carpet outside the Lakeshore festival's main venue.",
            credit="PHOTO: Metro/Jo Park",
            scene="premiere",
            palette="rust",
            lines=("LAKESHORE",),
        ),
        bylines=by("hattie-marchbanks", photos="jo-park"),
        tags=("Festivals", "Lakeshore Film Festival", "Ashes of Cordova Street"),
        people=("lucia-ferraro-benn", "benedikt-sorel"),
        films=("ashes-of-cordova-street",),
        age_days=46,
    ),
    StorySpec(
        headline="Meridian Screen Awards: Marlow Fen and The Velvet Switchboard lead nominations",
        slug="meridian-screen-awards-nominations",
        section="news",
        standfirst="A first-time director's horror film and a period drama about telephone "
        "operators top this year's list, with Imani Castellane and Wren Halvorsen both "
        "nominated for lead performances.",
        body="""
<p><em>Marlow Fen</em> and <em>The Velvet Switchboard</em> lead the nominations for this year's Meridian Screen Awards, which honour film and television side by side. Agata Morrow's debut picked up seven nominations, including best film and best director; Rosalind Achebe-Quinn's HBO series took six.</p>
<h2>The main categories</h2>
<ul>
<li><strong>Best film:</strong> <em>Marlow Fen</em>, <em>Keepers of the Flicker</em>, <em>Saturday at the Gasworks</em>, <em>The Tallow Chandler's Wife</em>.</li>
<li><strong>Best series:</strong> <em>The Velvet Switchboard</em>, <em>Orbit of Small Things</em>, and two titles from overseas broadcasters.</li>
<li><strong>Lead performance, film:</strong> Imani Castellane for <em>Marlow Fen</em>.</li>
<li><strong>Lead performance, series:</strong> Wren Halvorsen for <em>The Velvet Switchboard</em> and Jonah Featherstone-Oduya for <em>Orbit of Small Things</em>.</li>
<li><strong>Original score:</strong> Kasimir Oyelaran for <em>Marlow Fen</em>.</li>
</ul>
<p>The inclusion of <em>Keepers of the Flicker</em> in the best film category is a rare honour for a documentary, and a nod to a year in which small cinemas have had something to celebrate.</p>
<blockquote class="pull-quote"><p>Seven nominations for a film we shot in a quarry. I am going to need a bigger shelf, or a smaller quarry.</p></blockquote>
<p>Morrow said in a statement that the nominations belonged to "everyone who stood waist-deep in cold water for seven weeks". The winners will be announced next month.</p>
""",
        hero=Picture(
            title="Meridian Screen Awards nominations, abstract key art",
            alt_text="A bold geometric composition of red and blue circles, half-circles and "
            "bars on a cream background",
            caption="The Meridian Screen Awards are presented next month.",
            credit="ILLUSTRATION: Metro/Design desk",
            scene="abstract",
            palette="paper",
        ),
        bylines=by("lena-sorokina"),
        tags=("Awards", "Marlow Fen", "The Velvet Switchboard", "Meridian Screen Awards"),
        people=("agata-morrow", "imani-castellane", "wren-halvorsen", "kasimir-oyelaran"),
        films=("marlow-fen", "the-velvet-switchboard", "keepers-of-the-flicker"),
        age_days=2,
        featured=True,
    ),
    StorySpec(
        headline="Marlow Fen's seven nominations, as the nominees heard them",
        slug="meridian-nominations-nominees-react",
        section="news",
        standfirst="A director posting from a quarry, a composer who missed the announcement "
        "and a lead actor who found out from her mother: the day after the Meridian list.",
        body="""
<p>The Meridian Screen Awards nominations were announced at seven in the morning, which is not when most of the people on the list were expecting good news. Agata Morrow, whose <em>Marlow Fen</em> leads with seven nominations, was back at the quarry where she shot it, scouting for her next film.</p>
[[embed https://x.com/i/web/status/1869020000000000017]]
<h2>Who heard first</h2>
<p>Imani Castellane, nominated for her lead performance, said her mother rang before the studio did. Kasimir Oyelaran, up for his score, slept through the announcement and posted his thanks at lunchtime.</p>
[[embed https://bsky.app/profile/kasimir-oyelaran.example/post/3lmeridian7k2]]
<blockquote class="pull-quote"><p>I was standing in the same cold water, looking at the same grey sky. Apparently that is lucky now.</p></blockquote>
<h2>Where to read more</h2>
<p>The full list is in <a href="/news/meridian-screen-awards-nominations/">our report on the nominations</a>. The winners are announced next month.</p>
""",
        hero=Picture(
            title="Meridian nominations: the flooded quarry at dawn",
            alt_text="Flat grey water under a pale sky, reeds along the edge and a low bank "
            "in the distance",
            caption="The quarry where Marlow Fen was shot, the morning the nominations were "
            "announced.",
            credit="PHOTO: Metro/Jo Park",
            scene="fen",
            palette="fen",
        ),
        bylines=by("lena-sorokina"),
        tags=("Awards", "Meridian Screen Awards", "Marlow Fen"),
        people=("agata-morrow", "imani-castellane", "kasimir-oyelaran"),
        films=("marlow-fen",),
        age_days=1.2,
    ),
]
