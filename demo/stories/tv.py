from demo.films import SALT_LEDGER_POSTER
from demo.galleries import VELVET_SWITCHBOARD_SET
from demo.specs import STILL, Picture, StorySpec, by

STORIES = [
    StorySpec(
        headline="The Salt Ledger: everything we know about Netflix's new coastal thriller",
        slug="the-salt-ledger-everything-we-know",
        section="tv",
        standfirst="Who is in it, what it is about, when it lands and why a series about "
        "accounting might be the most gripping thing you watch this winter.",
        body="""
<p>Netflix's next big thriller is about a fishing town, a missing man and a set of accounts that do not balance. If that sounds dry, the people who have seen it insist otherwise. Here is what we know so far.</p>
<h2>What is it about?</h2>
<p>Nell Garrity, a forensic accountant who left her home town of Port Cassel as soon as she could, returns when her younger brother Danny disappears. He has left debts, a half-sold boat and a job at the harbour co-operative, whose books Nell starts reading out of habit. They are not good books.</p>
<h2>Who is in it?</h2>
<ul>
<li><strong>Odile Brannagh</strong> as Nell Garrity</li>
<li><strong>Caspian Reyes-Whitlow</strong> as Danny Garrity</li>
<li><strong>Benedikt Sorel</strong> as Con Devlin, the harbourmaster</li>
</ul>
[[figure 1]]
<h2>Who made it?</h2>
<p>The series was created and written by Desmond Achterberg, a former auditor who describes it as "a heist in reverse: everyone already has the money, and someone is trying to find out where it came from". Lucía Ferraro-Benn directed the first two episodes.</p>
<blockquote class="pull-quote"><p>Follow the money is the oldest rule in the book. Nobody ever says how boring the money is to follow. That is where the tension is.</p></blockquote>
<h2>When can I watch it?</h2>
<p>All eight episodes arrive on Netflix at once, later this month. Read our <a href="/news/netflix-sets-date-for-the-salt-ledger/">report on the premiere date</a> and our <a href="/interviews/desmond-achterberg-the-salt-ledger-interview/">interview with Desmond Achterberg</a>.</p>
""",
        hero=Picture(
            title="The Salt Ledger: Nell Garrity on the pier at sunset",
            alt_text="A woman in silhouette standing on a pier at sunset, sailing boats on "
            "the water and hills on the horizon",
            caption="Odile Brannagh as Nell Garrity in The Salt Ledger.",
            credit="PHOTO: Netflix",
            scene="harbour",
            palette="dusk",
        ),
        figures=(SALT_LEDGER_POSTER,),
        bylines=by("omar-delacroix-reid"),
        tags=("The Salt Ledger", "Netflix", "Thrillers", "Explainers"),
        people=(
            "odile-brannagh",
            "caspian-reyes-whitlow",
            "benedikt-sorel",
            "desmond-achterberg",
        ),
        films=("the-salt-ledger",),
        age_days=6,
        featured=True,
    ),
    StorySpec(
        headline="What to expect from The Velvet Switchboard season two",
        slug="velvet-switchboard-season-two-what-to-expect",
        section="tv",
        standfirst="A new year, a new machine and a secret that Dot cannot un-hear. Here is "
        "what we know about the return of HBO's period drama.",
        body="""
<p>The first season of <em>The Velvet Switchboard</em> ended with Dot Mulcahy doing the one thing the operators swear never to do: repeating a call. HBO has now confirmed a second season, and creator Rosalind Achebe-Quinn has given us a few clues about where it goes.</p>
<h2>A year later</h2>
<p>The story jumps forward to the winter of 1963. The exchange has been partly automated, and half of the night shift is worried about its jobs. Mr Arkwright, played by Teodor Vasko, has been promoted, which nobody, least of all him, thinks is good news.</p>
<h2>Dot and Peg</h2>
<p>Wren Halvorsen and Priya Ramaswamy-Holt both return. Achebe-Quinn says the friendship between their characters is "the spine of the show" and that the new season will test it harder than the first.</p>
<blockquote class="pull-quote"><p>Season one was about hearing a secret. Season two is about what it costs to keep one.</p></blockquote>
<h2>When?</h2>
<p>Filming begins early next year, so a return before next autumn looks unlikely. In the meantime, read <a href="/news/hbo-renews-the-velvet-switchboard/">our report on the renewal</a>.</p>
""",
        hero=Picture(
            title="The Velvet Switchboard: patch cords across the board",
            alt_text="Close view of a switchboard panel, brass jacks in rows with coloured "
            "cords hanging between them and a few lamps lit",
            caption="The switchboard at the heart of HBO's period drama.",
            credit="PHOTO: HBO",
            scene="switchboard",
            palette="rust",
        ),
        bylines=by("omar-delacroix-reid"),
        tags=("The Velvet Switchboard", "HBO", "Period drama"),
        people=("rosalind-achebe-quinn", "wren-halvorsen", "priya-ramaswamy-holt", "teodor-vasko"),
        films=("the-velvet-switchboard",),
        age_days=30,
    ),
    StorySpec(
        headline="Orbit of Small Things finale explained: what the music box really means",
        slug="orbit-of-small-things-finale-explained",
        section="tv",
        standfirst="The last episode of Apple TV+'s space drama answered one question and "
        "opened five more. We take the ending apart, carefully.",
        body="""
<p><strong>Spoilers follow for the whole first season of <em>Orbit of Small Things</em>.</strong></p>
<p>For six episodes, the music box sat in the station's salvage bay, warm when it should have been cold, playing a tune nobody on board recognised. In the finale, Commander Ade Tolland finally opens it.</p>
<h2>What was inside?</h2>
<p>Nothing, at first glance. The box is empty. But the tune changes, and Dr Ilse Varga realises it is playing the station's own docking signal, slowed down almost beyond recognition.</p>
<blockquote class="pull-quote"><p>The box was never a message from the colony. It was a message to it.</p></blockquote>
<h2>The figure at the airlock</h2>
<p>The final shot shows someone waiting outside the station's airlock. Creator Ansel Korhonen has confirmed the character will be a regular next season, but not who they are. Our best guess is below, and it is only a guess.</p>
<p>EDITOR: check the theory section against the screener before this goes out.</p>
""",
        hero=Picture(
            title="Orbit of Small Things finale: the moon in shadow",
            alt_text="A large ringed planet in shadow with a thin crescent moon and stars",
            caption="The final episode of Orbit of Small Things.",
            credit="PHOTO: Apple TV+",
            scene="orbit",
            palette="teal",
        ),
        bylines=by("omar-delacroix-reid"),
        tags=("Orbit of Small Things", "Apple TV+", "Explainers", "Spoilers"),
        people=("ansel-korhonen", "jonah-featherstone-oduya", "imani-castellane"),
        films=("orbit-of-small-things",),
        status="review",
    ),
    StorySpec(
        headline="The best new series to stream this week",
        slug="best-new-series-to-stream-this-week",
        section="tv",
        standfirst="A coastal thriller, a space drama's surprise return and a comedy about "
        "a comedy club: your viewing, sorted.",
        body="""
<p>Our weekly guide to what is worth your evenings.</p>
<h2>Pick of the week</h2>
<p><em>The Salt Ledger</em> (Netflix). All eight episodes at once. Start on a Friday.</p>
<h2>Also new</h2>
<ul>
<li><em>Keepers of the Flicker</em> (Hulu): not a series, but the best thing you can watch with your parents this week.</li>
<li>TBC: the new comedy panel show, if the screeners arrive in time.</li>
</ul>
""",
        hero=Picture(
            title="What to stream this week, geometric illustration",
            alt_text="An abstract arrangement of teal, amber and dark circles and bars",
            caption="Our weekly streaming guide.",
            credit="ILLUSTRATION: Metro/Design desk",
            scene="abstract",
            palette="teal",
        ),
        bylines=by("lena-sorokina"),
        tags=("Streaming", "What to watch"),
        films=("the-salt-ledger", "keepers-of-the-flicker"),
        status="draft",
    ),
    StorySpec(
        headline="Dressing the exchange: how The Velvet Switchboard got 1962 exactly right",
        slug="velvet-switchboard-costumes",
        section="tv",
        standfirst="Cardigans with history, shoes chosen for a twelve-hour shift and a "
        "single red coat: the costume team on building a wardrobe for the night operators.",
        body="""
<p>The operators of <em>The Velvet Switchboard</em> never go anywhere glamorous. They sit in a row, under strip lights, for twelve hours at a time. So why is the show's wardrobe one of the most talked-about things about it?</p>
<h2>Clothes for sitting down in</h2>
<p>Costume designer Marisol Teague started by reading the exchange's own rules for staff, found in an archive, which banned "noisy bracelets" and "shoes unsuitable for a long night". Every outfit on the show obeys them.</p>
[[figure 1]]
<blockquote class="pull-quote"><p>These women had no money and no time, and they looked wonderful anyway. That was the whole brief.</p></blockquote>
<h2>The red coat</h2>
<p>Dot's red coat, which she wears in every episode, was bought second-hand for the pilot and became so important that the team made three copies in case of accidents. Wren Halvorsen kept the original.</p>
<h2>The details you will not notice</h2>
<ul>
<li>Every cardigan has been darned at least once, by hand.</li>
<li>Peg's glasses are real period frames, found at a flea market.</li>
<li>Mr Arkwright's tie changes colour only once all season, on the night everything goes wrong.</li>
</ul>
""",
        hero=Picture(
            title="The Velvet Switchboard costume workroom",
            alt_text="A figure in silhouette beside a tall window with warm light falling "
            "across a dark workroom",
            caption="In the costume workroom for The Velvet Switchboard.",
            credit="PHOTO: Metro/Jo Park",
            scene="interview",
            palette="velvet",
        ),
        figures=(
            Picture(
                title="The Velvet Switchboard: the operators' board at the start of a shift",
                alt_text="Rows of brass switchboard jacks with a few lamps glowing and cords "
                "looping between them",
                caption="The board the operators sit at, built to be used, not just looked at.",
                credit="PHOTO: HBO",
                scene="switchboard",
                palette="teal",
                size=STILL,
            ),
        ),
        bylines=by("omar-delacroix-reid", photos="jo-park"),
        tags=("The Velvet Switchboard", "HBO", "Costume", "Period drama"),
        people=("wren-halvorsen", "priya-ramaswamy-holt"),
        films=("the-velvet-switchboard",),
        age_days=22,
    ),
    StorySpec(
        headline="Port Cassel is not real. The harbour town that plays it is bracing for visitors",
        slug="port-cassel-salt-ledger-filming-town",
        section="tv",
        standfirst="The Salt Ledger was shot in a working fishing harbour. Its residents are "
        "proud, a little nervous and already fed up with being asked where the bank is.",
        body="""
<p>There is no bank on the harbour, and there never has been. The one in <em>The Salt Ledger</em> is a former ship's chandler with a new sign, which the production left behind as a thank-you. Residents say it has already been photographed more than anything else in town.</p>
<h2>A working harbour</h2>
<p>Unlike most location shoots, <em>The Salt Ledger</em> did not clear its streets. The fishing fleet kept working throughout, and several crews appear in the background of the series.</p>
<blockquote class="pull-quote"><p>They asked us to look natural. We were gutting fish. It is hard to look more natural than that.</p></blockquote>
<h2>Ready or not</h2>
<p>The harbour authority is adding parking and signs. A local café has already renamed a sandwich after Nell Garrity.</p>
<p>NOTE FOR DESK: harbour authority quote still to confirm before publication.</p>
""",
        hero=Picture(
            title="The Salt Ledger filming town: harbour and pier",
            alt_text="A small harbour at dusk with a wooden pier, boats at anchor and low "
            "hills behind",
            caption="The working harbour that stands in for Port Cassel.",
            credit="PHOTO: Metro/Jo Park",
            scene="harbour",
            palette="rust",
        ),
        bylines=by("lena-sorokina", photos="jo-park"),
        tags=("The Salt Ledger", "Netflix", "Locations"),
        films=("the-salt-ledger",),
        status="review",
    ),
    StorySpec(
        headline="Why the limited series is winning the streaming wars",
        slug="limited-series-streaming",
        section="tv",
        standfirst="Eight episodes, a proper ending and a star who only had to give you "
        "six months: the short series has become television's most reliable format.",
        body="""
<p>Ten years ago, a series was a promise of years to come. Today, some of the most successful shows on any platform are designed to end. The limited series, once a prestige niche, has become one of television's most dependable formats.</p>
<h2>Why stars like it</h2>
<p>For actors, the maths is simple. A limited series asks for months, not years, and offers a complete character arc. It is easier to say yes to a story that ends.</p>
<h2>Why viewers like it</h2>
<p>A finite story is a promise that your time will be rewarded. After a decade of cliffhangers on cancelled shows, audiences have learned to value an ending.</p>
<blockquote class="pull-quote"><p>The most radical thing a television show can do now is tell you, on day one, exactly how long it will take of your life.</p></blockquote>
<h2>Why platforms like it</h2>
<p>Shorter runs are cheaper to commission and easier to market, and a hit can always be extended. The unspoken rule of the limited series is that it is limited right up until it is renewed.</p>
<ul>
<li>Shorter commitments attract bigger names.</li>
<li>A clear ending makes the show easier to recommend.</li>
<li>A hit can still come back, with a new story.</li>
</ul>
""",
        hero=Picture(
            title="Limited series analysis, geometric illustration",
            alt_text="An abstract composition of deep blue and violet circles and bars on a "
            "starry dark background",
            caption="Illustration for our analysis of the limited series.",
            credit="ILLUSTRATION: Metro/Design desk",
            scene="abstract",
            palette="space",
        ),
        bylines=by("omar-delacroix-reid"),
        tags=("Analysis", "Streaming", "Limited series"),
        films=("the-salt-ledger", "the-velvet-switchboard"),
        age_days=44,
    ),
    StorySpec(
        headline="Watch: The Salt Ledger's full trailer finally lets Port Cassel talk",
        slug="the-salt-ledger-full-trailer",
        section="tv",
        standfirst="After a silent teaser, Netflix's coastal thriller shows its hand: two and "
        "a half minutes of debts, gulls and Odile Brannagh refusing to blink.",
        body="""
<p>The first teaser for <em>The Salt Ledger</em> had no dialogue at all. The full trailer, released this morning, makes up for it: almost every shot has someone in Port Cassel explaining, a little too quickly, why they have nothing to hide.</p>
<h2>What the trailer shows</h2>
<p>Odile Brannagh's Nell Garrity arrives by the night ferry with one suitcase and her brother's bank statements. Within a minute she has been warned off by the harbourmaster, played by Benedikt Sorel, and has found the page of the co-operative's books that someone tried to tear out.</p>
<blockquote class="pull-quote"><p>Everyone in this town owes somebody. Nell's job is to find out who, and how much, and why they are lying about it.</p></blockquote>
<p>The trailer's last shot, a ledger sinking slowly past the harbour wall, is the closest the series comes to showing its ending. Read <a href="/news/netflix-sets-date-for-the-salt-ledger/">what we know about the release</a>.</p>
<h2>Before you press play</h2>
<p>The video above loads from YouTube only when you ask for it. Until then this page sends nothing to YouTube, and the picture you see is ours.</p>
""",
        hero=Picture(
            title="The Salt Ledger trailer: Nell Garrity on the harbour wall",
            alt_text="A lone figure on a harbour wall at sunset, fishing boats dark against "
            "the glowing water",
            caption="Odile Brannagh as Nell Garrity, in a still from the full trailer.",
            credit="PHOTO: Netflix",
            scene="harbour",
            palette="dusk",
        ),
        # The video's id is invented, like the series: its player says it is unavailable.
        lead_video="https://www.youtube.com/watch?v=Sl7dgrL3d9Q",
        bylines=by("lena-sorokina"),
        tags=("The Salt Ledger", "Netflix", "Trailers"),
        people=("odile-brannagh", "benedikt-sorel"),
        films=("the-salt-ledger",),
        age_days=3,
        featured=True,
    ),
    StorySpec(
        headline="Inside the exchange: a walk around The Velvet Switchboard's set",
        slug="velvet-switchboard-set-in-pictures",
        section="tv",
        standfirst="Forty working positions, a supervisor's window and a street that ends "
        "at the back lot: the telephone exchange HBO built for its hit period drama.",
        body="""
<p>Nothing on the floor of the exchange in <em>The Velvet Switchboard</em> is a prop in the usual sense. Every jack takes a cord, every lamp lights, and the operators' chairs were chosen because actors would sit in them for twelve hours a day.</p>
<h2>A set built to be used</h2>
<p>Production designer Ilse Marchetti worked from photographs of three real exchanges, none of which survives. Her team built the board in sections so the camera could move between the positions, and wired it so the lamps could be lit by hand from a desk just out of shot.</p>
<blockquote class="pull-quote"><p>If Wren pulls a cord, something has to happen. The actors stopped acting with the board and started working it.</p></blockquote>
<h2>After the shift</h2>
<p>The street outside, where Dot waits for the night bus, stands on the studio's back lot. It is one block long and ends in a painted wall, which the series has so far managed never to show.</p>
""",
        hero=Picture(
            title="The Velvet Switchboard set: the exchange floor from the gallery",
            alt_text="Rows of switchboard positions under strip lights, seen from above",
            caption="The exchange floor, seen from the supervisor's gallery.",
            credit="PHOTO: HBO",
            scene="switchboard",
            palette="rust",
        ),
        lead_gallery=VELVET_SWITCHBOARD_SET,
        bylines=by("omar-delacroix-reid"),
        tags=("The Velvet Switchboard", "HBO", "Photo essay", "Period drama"),
        people=("wren-halvorsen",),
        films=("the-velvet-switchboard",),
        age_days=26,
    ),
]
