from demo.specs import STILL, Picture, StorySpec, by

STORIES = [
    StorySpec(
        headline="Marlow Fen review: a folk horror that keeps its head under the water",
        slug="marlow-fen-review",
        section="reviews",
        standfirst="Agata Morrow's debut is cold, patient and genuinely frightening, with a "
        "quietly astonishing lead performance from Imani Castellane. Four stars.",
        body="""
<p>There is a bell under the water in <em>Marlow Fen</em>, and you will hear it long after you have left the cinema. Agata Morrow's first feature is a film of sounds and silences, of held breath and cold feet, and it is the most confident horror debut in years.</p>
<h2>The story</h2>
<p>In the winter of 1911, Agnes Pell (Imani Castellane) arrives to teach at the school in Marlow, a village that the fen has been slowly reclaiming for centuries. The churchwarden, Silas Crane (Teodor Vasko), welcomes her with a courtesy that feels like a warning. The villagers say the drowned church's bell rings whenever someone is about to leave. Nobody, Agnes notices, ever seems to leave.</p>
<blockquote class="pull-quote"><p>Morrow understands that the most frightening thing in a horror film is not what you see, but how long she makes you wait to see it.</p></blockquote>
<h2>The performances</h2>
<p>Castellane is extraordinary. She plays Agnes as a woman who notices everything and says very little, and the film is built around her listening face. Vasko, all velvet courtesy, is her perfect opposite: a man who says a great deal and notices exactly what he chooses.</p>
[[figure 1]]
<h2>The verdict</h2>
<p>The film is not flawless. A late detour into the village's history explains more than it needs to, and the final ten minutes will divide audiences. But Kasimir Oyelaran's score, recorded partly in a flooded church, is a masterpiece of dread, and the practical water work gives every scene a weight that no digital effect could match.</p>
<p><strong>Verdict:</strong> four stars. See it in a cinema, with strangers, in the dark.</p>
""",
        hero=Picture(
            title="Marlow Fen review: Agnes on the water's edge",
            alt_text="A lone figure at the edge of a misty fen, reeds in the foreground and "
            "a bare tree on the horizon",
            caption="Imani Castellane in Marlow Fen.",
            credit="PHOTO: A24",
            scene="fen",
            palette="teal",
        ),
        figures=(
            Picture(
                title="Marlow Fen: Silas Crane's lantern in the mist",
                alt_text="Misty fenland with tall dark reeds and a solitary figure in the distance",
                caption="Teodor Vasko as the churchwarden Silas Crane.",
                credit="PHOTO: A24",
                scene="fen",
                palette="dusk",
                size=STILL,
            ),
        ),
        bylines=by("felix-arundel"),
        tags=("Marlow Fen", "A24", "Horror", "Film reviews"),
        people=("imani-castellane", "teodor-vasko", "agata-morrow"),
        films=("marlow-fen",),
        format="review",
        rating=8,
        reviewed_film="marlow-fen",
        age_days=24,
        featured=True,
    ),
    StorySpec(
        headline="The Salt Ledger review: a small-town thriller that follows the money all the way down",
        slug="the-salt-ledger-review",
        section="reviews",
        standfirst="Odile Brannagh is superb in Netflix's tense, wintry mystery, which turns "
        "a set of accounts into the year's most bingeable series. Four stars.",
        body="""
<p>Can a spreadsheet be thrilling? On the evidence of <em>The Salt Ledger</em>, yes, as long as someone is willing to kill to keep it closed.</p>
<p>Desmond Achterberg's series follows Nell Garrity (Odile Brannagh), a forensic accountant who comes home to the harbour town of Port Cassel when her brother disappears. She starts reading the fishing co-operative's books because she cannot help herself. The town would very much prefer she stopped.</p>
<h2>Slow, then very fast</h2>
<p>The first three episodes are deliberate, almost stubbornly so, building the town one debt at a time. Then the sixth episode pulls the floor out, and the last two hours are as gripping as anything on television this year.</p>
<blockquote class="pull-quote"><p>Brannagh can make a pause feel like a threat. She does more with a raised eyebrow over a column of figures than most thrillers do with a car chase.</p></blockquote>
<h2>A real place</h2>
<p>Shot in a working fishing port, the series has a lived-in texture that most thrillers lack. Benedikt Sorel, as the harbourmaster Con Devlin, brings a heavy, tired menace. Caspian Reyes-Whitlow, seen mostly in flashback as the missing brother, makes every scene count.</p>
<h2>The verdict</h2>
<p>The ending ties things up a little too neatly, and one subplot involving a council election never quite earns its place. But this is smart, grown-up television that trusts its audience to keep up.</p>
<p><strong>Verdict:</strong> four stars. Start on a Friday night; you will not stop.</p>
""",
        hero=Picture(
            title="The Salt Ledger review: the harbour at the end of the day",
            alt_text="A harbour at sunset with boats silhouetted on golden water and a figure "
            "on a pier",
            caption="The Salt Ledger is on Netflix.",
            credit="PHOTO: Netflix",
            scene="harbour",
            palette="sunny",
        ),
        bylines=by("omar-delacroix-reid"),
        tags=("The Salt Ledger", "Netflix", "TV reviews", "Thrillers"),
        people=("odile-brannagh", "benedikt-sorel", "caspian-reyes-whitlow"),
        films=("the-salt-ledger",),
        format="review",
        rating=8,
        reviewed_film="the-salt-ledger",
        age_days=0.3,
    ),
    StorySpec(
        headline="The Velvet Switchboard review: HBO's period drama puts you right through",
        slug="the-velvet-switchboard-review",
        section="reviews",
        standfirst="Rosalind Achebe-Quinn's series about the night operators of a 1962 "
        "telephone exchange is warm, funny and quietly furious. Five stars.",
        body="""
<p>The premise of <em>The Velvet Switchboard</em> sounds like a chamber piece: a dozen women, one room, one long night shift after another. What Rosalind Achebe-Quinn has made from it is one of the richest dramas of the year.</p>
<h2>Who is on the line</h2>
<p>Wren Halvorsen plays Dot Mulcahy, the youngest and fastest operator on the board, who has the bad habit of listening. Priya Ramaswamy-Holt is Peg Dunleavy, who has been on nights for twenty years and has heard everything twice. Teodor Vasko is their supervisor, Mr Arkwright, a man so terrified of trouble that he creates it.</p>
<blockquote class="pull-quote"><p>It is a show about women who are paid to be invisible, and it never once lets them disappear.</p></blockquote>
<h2>Sound and vision</h2>
<p>The switchboard set is a marvel, and the sound design, all clicks and crackles and distant voices, makes every call feel like an event. Della Okonkwo-Marsh's direction keeps the camera close to the operators' hands, which become the show's most expressive instruments.</p>
<h2>The verdict</h2>
<p>Few series manage to be this funny and this angry at the same time. Halvorsen is a revelation, and the friendship between Dot and Peg is the best thing on television.</p>
<p><strong>Verdict:</strong> five stars.</p>
""",
        hero=Picture(
            title="The Velvet Switchboard review: the board at midnight",
            alt_text="A switchboard panel in warm light, brass jacks and lamps, red and "
            "cream cords looping across it",
            caption="The Velvet Switchboard is on HBO.",
            credit="PHOTO: HBO",
            scene="switchboard",
            palette="mono",
        ),
        bylines=by("omar-delacroix-reid"),
        tags=("The Velvet Switchboard", "HBO", "TV reviews", "Period drama"),
        people=("wren-halvorsen", "priya-ramaswamy-holt", "teodor-vasko", "rosalind-achebe-quinn"),
        films=("the-velvet-switchboard",),
        format="review",
        rating=10,
        reviewed_film="the-velvet-switchboard",
        age_days=57,
    ),
    StorySpec(
        headline="Orbit of Small Things review: the year's most tender science fiction",
        slug="orbit-of-small-things-review",
        section="reviews",
        standfirst="Ansel Korhonen's space drama is slow, strange and deeply moving, with a "
        "lovely lead performance from Jonah Featherstone-Oduya. Three and a half stars.",
        body="""
<p>There are no aliens in <em>Orbit of Small Things</em>, no battles and no chosen ones. There is a salvage crew, a dead moon and a great deal of other people's junk. It is one of the most affecting series of the year.</p>
<h2>Lost property</h2>
<p>The crew of five spends its days cataloguing the belongings of a colony that disappeared decades earlier. Each episode turns on an object: a coat, a letter, a child's music box that is impossibly still warm. Ansel Korhonen, who writes and directs every episode, treats each one with enormous care.</p>
<blockquote class="pull-quote"><p>It is a ghost story told entirely through lost property, and it is devastating.</p></blockquote>
<h2>The crew</h2>
<p>Jonah Featherstone-Oduya is superb as Commander Ade Tolland, a careful, frightened man trying to hold his small crew together. Imani Castellane, as the station's doctor, and Caspian Reyes-Whitlow, as its engineer, give the station the feel of a real, tired family.</p>
<h2>The verdict</h2>
<p>The pace will test some viewers, and the middle episodes drift. Stay with it: the last two hours are extraordinary.</p>
<p><strong>Verdict:</strong> three and a half stars.</p>
""",
        hero=Picture(
            title="Orbit of Small Things review: the ringed planet",
            alt_text="A ringed planet glowing in deep space beside a small crescent moon",
            caption="Orbit of Small Things is on Apple TV+.",
            credit="PHOTO: Apple TV+",
            scene="orbit",
            palette="neon",
        ),
        bylines=by("omar-delacroix-reid"),
        tags=("Orbit of Small Things", "Apple TV+", "TV reviews", "Science fiction"),
        people=("jonah-featherstone-oduya", "imani-castellane", "ansel-korhonen"),
        films=("orbit-of-small-things",),
        format="review",
        rating=7,
        reviewed_film="orbit-of-small-things",
        age_days=43,
    ),
    StorySpec(
        headline="Big Night at the Pennywhistle review: Priya Ramaswamy-Holt brings the house down",
        slug="big-night-at-the-pennywhistle-review",
        section="reviews",
        standfirst="Prime Video's comedy about a failing comedy club is big-hearted, "
        "properly funny and a showcase for its co-writer and star. Four stars.",
        body="""
<p>Comedies about comedians are usually a bad idea. Watching people be funny on purpose, on screen, in front of an audience that is paid to laugh, is rarely funny itself. <em>Big Night at the Pennywhistle</em> gets around the problem by making almost every set go wrong.</p>
<h2>One night only</h2>
<p>Priya Ramaswamy-Holt, who co-wrote the film with director Della Okonkwo-Marsh, plays Bunny Kessler, the owner of a small, sticky-floored club with one night to raise the rent. Her plan is a dream line-up. Her problem is that nobody on it has confirmed.</p>
<blockquote class="pull-quote"><p>Ramaswamy-Holt has the rare gift of being funniest when her character is losing.</p></blockquote>
<h2>The supporting cast</h2>
<p>Wren Halvorsen steals every scene as Lou, the sound engineer who is also the bar manager, the bouncer and, briefly and disastrously, the opening act. Jonah Featherstone-Oduya, as a headliner whose best years are behind him, gets the film's most unexpectedly moving scene.</p>
<h2>The verdict</h2>
<p>It sags a little in the middle, and one running joke about a broken smoke machine runs for about three scenes too long. But this is a warm, generous, properly funny film.</p>
<p><strong>Verdict:</strong> four stars.</p>
""",
        hero=Picture(
            title="Big Night at the Pennywhistle review: the club at full house",
            alt_text="A comedian in silhouette on a small stage beneath a neon sign and a "
            "pink spotlight",
            caption="Priya Ramaswamy-Holt in Big Night at the Pennywhistle.",
            credit="PHOTO: Prime Video",
            scene="stage",
            palette="neon",
            lines=("PENNYWHISTLE",),
        ),
        bylines=by("felix-arundel"),
        tags=("Big Night at the Pennywhistle", "Prime Video", "Film reviews", "Comedy"),
        people=("priya-ramaswamy-holt", "wren-halvorsen", "della-okonkwo-marsh"),
        films=("big-night-at-the-pennywhistle",),
        format="review",
        rating=8,
        reviewed_film="big-night-at-the-pennywhistle",
        age_days=-1,
    ),
    StorySpec(
        headline="Ashes of Cordova Street review: a slow burn that earns its blaze",
        slug="ashes-of-cordova-street-review",
        section="reviews",
        standfirst="Benedikt Sorel gives the performance of his career in Lucía Ferraro-Benn's "
        "patient, absorbing fire drama. Four stars.",
        body="""
<p>Most films about fire are about the fire. <em>Ashes of Cordova Street</em> is about what is left afterwards, and about the man whose job is to read it.</p>
<h2>Back to the beginning</h2>
<p>Benedikt Sorel plays Tomás Ibarra, a fire investigator who has never made peace with a tenement fire he worked early in his career, officially ruled an accident. When a second fire breaks out in the same room twenty years later, he goes back.</p>
<blockquote class="pull-quote"><p>Sorel plays a man who listens to burnt wood the way other people listen to music, and somehow makes you hear it too.</p></blockquote>
<h2>Patience rewarded</h2>
<p>Lucía Ferraro-Benn's film is long, and it takes its time. Scenes of Ibarra sifting, measuring and photographing are shot with the care of a procedural and the tension of a thriller. Odile Brannagh, as a tenant who survived the first fire as a child, is quietly superb.</p>
<h2>The verdict</h2>
<p>At just over two hours it could lose ten minutes, and the final reveal is a little tidy. But this is a serious, absorbing film made by people who know exactly what they are doing.</p>
<p><strong>Verdict:</strong> four stars.</p>
""",
        hero=Picture(
            title="Ashes of Cordova Street review: the tenement at night",
            alt_text="A night street of tall buildings with lit windows and a glowing "
            "streetlamp, reflections on the wet road",
            caption="Benedikt Sorel in Ashes of Cordova Street.",
            credit="PHOTO: Focus Features",
            scene="street",
            palette="velvet",
        ),
        bylines=by("felix-arundel"),
        tags=("Ashes of Cordova Street", "Focus Features", "Film reviews"),
        people=("benedikt-sorel", "odile-brannagh", "lucia-ferraro-benn"),
        films=("ashes-of-cordova-street",),
        format="review",
        rating=8,
        reviewed_film="ashes-of-cordova-street",
        age_days=-3,
    ),
    StorySpec(
        headline="Keepers of the Flicker review: a love letter to the last picture houses",
        slug="keepers-of-the-flicker-review",
        section="reviews",
        standfirst="Ruth Amsel-Pryce's documentary about three small-town cinemas is "
        "funny, sad and entirely lovely. Four stars.",
        body="""
<p>There is a moment in <em>Keepers of the Flicker</em> when a projectionist in his seventies threads a reel of film by touch, in the dark, while telling a story about his first date. He does not miss a sprocket, or a punchline.</p>
<h2>Three towns</h2>
<p>Ruth Amsel-Pryce spent four years following three single-screen cinemas: one in a mining town, one in a seaside resort out of season and one in a farming community where the cinema is also the village hall. Each is run by a handful of people who refuse to let it close.</p>
<blockquote class="pull-quote"><p>It is a film about cinema that makes you want to leave your sofa and go to one, which is the highest praise there is.</p></blockquote>
<h2>Not just nostalgia</h2>
<p>Amsel-Pryce is clear-eyed about the money: the leaking roofs, the energy bills, the spreadsheets on kitchen tables. That honesty is what keeps the film from becoming a simple wallow in the past.</p>
<h2>The verdict</h2>
<p>Warm without being soft, and funnier than most comedies this year.</p>
<p><strong>Verdict:</strong> four stars. Watch it, then go to the pictures.</p>
""",
        hero=Picture(
            title="Keepers of the Flicker review: the matinee crowd",
            alt_text="An audience in silhouette in a small cinema, facing a bright screen",
            caption="A Saturday matinee in Keepers of the Flicker.",
            credit="PHOTO: Hulu",
            scene="cinema",
            palette="forest",
        ),
        bylines=by("hattie-marchbanks"),
        tags=("Keepers of the Flicker", "Hulu", "Documentary", "Film reviews", "Cinemas"),
        people=("ruth-amsel-pryce",),
        films=("keepers-of-the-flicker",),
        format="review",
        rating=8,
        reviewed_film="keepers-of-the-flicker",
        age_days=13,
    ),
]
