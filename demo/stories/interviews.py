from demo.specs import STILL, Picture, StorySpec, by

STORIES = [
    StorySpec(
        headline="Odile Brannagh gives us the scoop on Netflix's twisty new thriller The Salt Ledger",
        slug="odile-brannagh-the-salt-ledger-interview",
        section="interviews",
        standfirst="The star of the coastal mystery on learning to read a balance sheet, "
        "filming in a harbour that never stopped working, and the twist she was not "
        "allowed to tell her own mother.",
        body="""
<p>Odile Brannagh has a confession. Before she was cast as Nell Garrity, the forensic accountant at the centre of <em>The Salt Ledger</em>, she had never balanced a chequebook in her life.</p>
<p>"I still have not," she says, laughing, over a pot of tea that has gone cold while she talks. "But I can now read a set of accounts and tell you, with some confidence, that somebody is lying."</p>
<h2>Learning to follow the money</h2>
<p>To prepare, Brannagh spent three weeks with a firm of forensic accountants, sitting in on meetings and learning how they take apart a company's finances. Creator Desmond Achterberg, himself a former auditor, set her homework.</p>
<p>"He gave me a real, anonymised set of books with a fraud hidden in it and said I could not start filming until I found it. It took me nine days. He told me afterwards the record was four."</p>
<blockquote class="pull-quote"><p>Nell is not a detective. She is someone who cannot stand it when the numbers do not add up. That is a much scarier kind of person.</p></blockquote>
<h2>A harbour that kept working</h2>
<p>The series was shot over five months in a real fishing port, and the fleet carried on as usual around the cameras. Brannagh remembers one take ruined by a trawler unloading its catch directly behind her.</p>
[[figure 1]]
<p>"The director wanted to go again, and a fisherman shouted that he was not moving his boat for a television programme. So the boat is in the show. He is in the show, actually, if you look closely in episode three."</p>
<h2>The brother</h2>
<p>Nell's search for her missing brother Danny drives the story, and Brannagh says the scenes she shot with Caspian Reyes-Whitlow, mostly in flashback, were the ones she found hardest.</p>
<p>"We decided early on that they love each other and do not like each other very much. Which is true of most siblings I know, including mine."</p>
<h2>That twist</h2>
<p>Without giving anything away, the sixth episode contains a revelation that early viewers have described as the moment the series turns from slow burn to something much faster. Brannagh was not allowed to tell anyone, including her family.</p>
<p>"My mother asked me every week for five months. I told her Nell gets a cat. She is going to be so angry."</p>
<p><em>The Salt Ledger</em> arrives on Netflix later this month. Read <a href="/tv/the-salt-ledger-everything-we-know/">everything we know about the series</a>.</p>
""",
        hero=Picture(
            title="Odile Brannagh as Nell Garrity, The Salt Ledger",
            alt_text="A woman in silhouette by a tall window, warm light falling across a "
            "dark teal room",
            caption="Odile Brannagh as Nell Garrity in The Salt Ledger.",
            credit="PHOTO: Netflix",
            scene="interview",
            palette="teal",
        ),
        hero_caption="Odile Brannagh as Nell Garrity, who returns to Port Cassel to settle "
        "her brother's debts, in The Salt Ledger.",
        figures=(
            Picture(
                title="The Salt Ledger: Nell and Danny Garrity on the harbour",
                alt_text="Two figures on a pier at dusk, boats moored in a calm harbour "
                "behind them",
                caption="Odile Brannagh and Caspian Reyes-Whitlow on the Port Cassel "
                "harbour set, with the working fleet behind them.",
                credit="PHOTO: Netflix",
                scene="harbour",
                palette="teal",
                size=STILL,
            ),
        ),
        bylines=by("lena-sorokina"),
        tags=("The Salt Ledger", "Netflix", "Odile Brannagh", "Thrillers"),
        people=("odile-brannagh", "caspian-reyes-whitlow", "desmond-achterberg"),
        films=("the-salt-ledger",),
        age_days=1.5,
        featured=True,
    ),
    StorySpec(
        headline="Imani Castellane: 'I spent three months learning to row in the dark'",
        slug="imani-castellane-marlow-fen-interview",
        section="interviews",
        standfirst="The star of Marlow Fen on cold water, a director who does not shout, "
        "and why the scariest thing in the film is a schoolroom.",
        body="""
<p>Imani Castellane's hands still have calluses. "From the oars," she says, showing them. "I am told they will go eventually. I am not sure I want them to."</p>
<p>For <em>Marlow Fen</em>, in which she plays a schoolteacher who arrives in a half-drowned village in 1911, Castellane learned to row a flat-bottomed boat at night, by lantern, with no sound. A rowing coach worked with her three evenings a week for three months.</p>
<h2>Cold water</h2>
<p>The film was shot in a flooded quarry, and the water was, she says, "a temperature I would describe as personal". She spent much of the seven-week shoot wet.</p>
<blockquote class="pull-quote"><p>You cannot act cold. You can only be cold and let the camera watch.</p></blockquote>
<h2>The director</h2>
<p>Castellane speaks warmly of Agata Morrow, who she says never raised her voice once on set.</p>
<p>"She whispers. Everybody leans in. It is the most effective thing I have ever seen a director do. It also meant the whole crew was very quiet, which, for a horror film, was perfect."</p>
<h2>The schoolroom</h2>
<p>Audiences talk about the underwater scenes, but Castellane thinks the film's most frightening moment is a quiet one: Agnes taking the register on her first morning, and realising that one of the names has been crossed out in a very old hand.</p>
<p>"No water, no bell, nothing. Just a list of children. I could not sleep after we shot it."</p>
<p>Read <a href="/reviews/marlow-fen-review/">our review of Marlow Fen</a>.</p>
""",
        hero=Picture(
            title="Imani Castellane photographed for Metro",
            alt_text="A woman with curly hair in silhouette beside a window, soft grey "
            "light across the room",
            caption="Imani Castellane, photographed for Metro.",
            credit="PHOTO: Metro/Jo Park",
            scene="interview",
            palette="fen",
        ),
        bylines=by("hattie-marchbanks", photos="jo-park"),
        tags=("Marlow Fen", "Imani Castellane", "A24", "Horror"),
        people=("imani-castellane", "agata-morrow"),
        films=("marlow-fen",),
        age_days=23,
    ),
    StorySpec(
        headline="Desmond Achterberg on turning a spreadsheet into a thriller",
        slug="desmond-achterberg-the-salt-ledger-interview",
        section="interviews",
        standfirst="The former auditor behind The Salt Ledger explains why fraud is more "
        "dramatic than murder, and what he learned from ten years of reading other "
        "people's receipts.",
        body="""
<p>Desmond Achterberg spent ten years as an auditor before he wrote a word for television. He says the two jobs are more alike than people think.</p>
<p>"Both are about finding the story that someone does not want you to find. In auditing it is in the footnotes. In television it is in the third act."</p>
<h2>Why money?</h2>
<p>Most thrillers start with a body. <em>The Salt Ledger</em> starts with a loan. Achterberg says that was the point.</p>
<blockquote class="pull-quote"><p>A murder happens once. Fraud happens every day, in small decisions, by people who think of themselves as good. That is far more frightening.</p></blockquote>
<h2>Writing for Odile</h2>
<p>Achterberg wrote the first two episodes before Odile Brannagh was cast, and rewrote them afterwards.</p>
<p>"She does this thing where she goes very still when Nell has worked something out. I cut half of Nell's dialogue once I saw it. The stillness said it better."</p>
<h2>The receipts</h2>
<p>He still keeps every receipt, in labelled envelopes, going back years. "It is research," he insists. "For season two. Possibly."</p>
<p><em>The Salt Ledger</em> is coming to Netflix. Read <a href="/news/netflix-sets-date-for-the-salt-ledger/">our report on the premiere date</a>.</p>
""",
        hero=Picture(
            title="Desmond Achterberg photographed for Metro",
            alt_text="A man in silhouette by a window, warm evening light falling across a "
            "dim room",
            caption="Desmond Achterberg, creator of The Salt Ledger.",
            credit="PHOTO: Metro/Jo Park",
            scene="interview",
            palette="dusk",
        ),
        bylines=by("omar-delacroix-reid", photos="jo-park"),
        tags=("The Salt Ledger", "Netflix", "Showrunners"),
        people=("desmond-achterberg", "odile-brannagh"),
        films=("the-salt-ledger",),
        age_days=14,
    ),
    StorySpec(
        headline="Priya Ramaswamy-Holt: 'Comedy clubs are where I learned to be wrong in public'",
        slug="priya-ramaswamy-holt-interview",
        section="interviews",
        standfirst="The co-writer and star of Big Night at the Pennywhistle on ten years of "
        "bad gigs, writing with her director, and the heckle she has never forgotten.",
        body="""
<p>Priya Ramaswamy-Holt can tell you exactly where she died on stage for the first time. "Second on the bill, a wet Tuesday, in front of eleven people and a dog. The dog was the only one who laughed, and I am not sure it was laughing."</p>
<p>A decade later, she has written and stars in a film about the kind of room where that happens. <em>Big Night at the Pennywhistle</em> takes place over one night in a failing comedy club, and she plays its owner.</p>
<h2>A thank-you note</h2>
<p>"Every comedian I know learned in a room like the Pennywhistle. It is a place where you are allowed to be terrible, which is the only way anyone ever gets good."</p>
<blockquote class="pull-quote"><p>Stand-up is the only job where you find out you are wrong in front of everyone, immediately, every night.</p></blockquote>
<h2>Writing with Della</h2>
<p>She wrote the script with director Della Okonkwo-Marsh over two years, mostly on video calls. "Della would say a scene was too long. I would say it was exactly the right length. Della was right every time. It was infuriating."</p>
<h2>The heckle</h2>
<p>Asked for the best heckle she ever received, she does not hesitate. "A man in the front row said, 'Get on with it.' I had not started yet. I was still walking to the microphone."</p>
<p>The line is in the film.</p>
""",
        hero=Picture(
            title="Priya Ramaswamy-Holt on the Pennywhistle stage",
            alt_text="A woman in silhouette at a microphone under a spotlight against a "
            "brick wall, a neon sign glowing above",
            caption="Priya Ramaswamy-Holt in Big Night at the Pennywhistle.",
            credit="PHOTO: Prime Video",
            scene="stage",
            palette="sunny",
            lines=("OPEN MIC",),
        ),
        bylines=by("lena-sorokina"),
        tags=("Big Night at the Pennywhistle", "Prime Video", "Comedy", "Stand-up"),
        people=("priya-ramaswamy-holt", "della-okonkwo-marsh"),
        films=("big-night-at-the-pennywhistle",),
        age_days=4,
    ),
    StorySpec(
        headline="Rosalind Achebe-Quinn on the women who heard everything",
        slug="rosalind-achebe-quinn-velvet-switchboard-interview",
        section="interviews",
        standfirst="The creator of The Velvet Switchboard on her grandmother's night shifts, "
        "the ethics of eavesdropping and why her show has so few men in it.",
        body="""
<p>Rosalind Achebe-Quinn's grandmother worked nights at a city telephone exchange for fourteen years. She never once told her family anything she overheard.</p>
<p>"Not a word. She would say, 'I connected a lot of important people,' and that was all. I made a whole television series out of the silence."</p>
<h2>The rules</h2>
<p><em>The Velvet Switchboard</em> is set on the night shift of an exchange in 1962, and its drama comes from a simple rule: operators must never listen in. Of course, they all do.</p>
<blockquote class="pull-quote"><p>Everybody thinks the show is about secrets. It is really about the people who are paid to pretend they have not heard them.</p></blockquote>
<h2>Casting Dot</h2>
<p>Wren Halvorsen was the last actor to audition for Dot Mulcahy, and Achebe-Quinn says she knew within a minute. "She listened to the other actor in the scene as if her job depended on it. Which, for Dot, it does."</p>
<h2>Where the men are</h2>
<p>The show's male characters are mostly voices on the line. That was deliberate. "They are the ones making the calls. We are interested in the ones connecting them."</p>
""",
        hero=Picture(
            title="Rosalind Achebe-Quinn photographed for Metro",
            alt_text="A woman in silhouette seated by a tall window in a dark burgundy room",
            caption="Rosalind Achebe-Quinn, creator of The Velvet Switchboard.",
            credit="PHOTO: HBO",
            scene="interview",
            palette="velvet",
        ),
        bylines=by("omar-delacroix-reid"),
        tags=("The Velvet Switchboard", "HBO", "Showrunners", "Period drama"),
        people=("rosalind-achebe-quinn", "wren-halvorsen"),
        films=("the-velvet-switchboard",),
        age_days=37,
    ),
    StorySpec(
        headline="Jonah Featherstone-Oduya on playing a commander who is afraid of the dark",
        slug="jonah-featherstone-oduya-orbit-interview",
        section="interviews",
        standfirst="The former engineer turned star of Orbit of Small Things on a very "
        "quiet kind of science fiction, and the real reason Tolland never turns the "
        "lights off.",
        body="""
<p>Jonah Featherstone-Oduya trained as a mechanical engineer, and it shows. Ask him about the salvage station in <em>Orbit of Small Things</em> and he will explain, in detail, why half of it would not work.</p>
<p>"I sent Ansel a list in the first week. Forty-one points. He read every one and fixed three. He said the other thirty-eight were 'poetry'."</p>
<h2>A small show about big space</h2>
<p>The series follows a five-person crew cataloguing the wreckage of a vanished colony, and most episodes take place in two or three rooms. Featherstone-Oduya says that was what drew him to it.</p>
<blockquote class="pull-quote"><p>Most space stories are about how big the universe is. This one is about how small a room feels when it is the only room for a million miles.</p></blockquote>
<h2>The lights</h2>
<p>Commander Tolland never switches off the lights in his quarters, a detail fans have built whole theories around. The truth, he says, is simpler.</p>
<p>"I asked Ansel why. He said, 'Because he is afraid of the dark.' I said, 'He lives in space.' He said, 'Exactly.'"</p>
""",
        hero=Picture(
            title="Jonah Featherstone-Oduya in Orbit of Small Things",
            alt_text="A man in silhouette by a window looking out at a dark blue night",
            caption="Jonah Featherstone-Oduya as Commander Ade Tolland in Orbit of Small Things.",
            credit="PHOTO: Apple TV+",
            scene="interview",
            palette="space",
        ),
        bylines=by("omar-delacroix-reid"),
        tags=("Orbit of Small Things", "Apple TV+", "Science fiction"),
        people=("jonah-featherstone-oduya", "ansel-korhonen"),
        films=("orbit-of-small-things",),
        age_days=39,
    ),
    StorySpec(
        headline="Lucía Ferraro-Benn: 'Fire does not care about your plot'",
        slug="lucia-ferraro-benn-interview",
        section="interviews",
        standfirst="The director of Ashes of Cordova Street on burning a street eleven "
        "times, and what she learned from the investigators who sift the ashes.",
        body="""
<p>Lucía Ferraro-Benn burned the same street eleven times to make <em>Ashes of Cordova Street</em>. "Fire does not care about your plot," she says. "It does what it wants, and you film it."</p>
<h2>The investigators</h2>
<p>Ferraro-Benn spent a year with retired fire investigators while writing the script.</p>
<blockquote class="pull-quote"><p>They taught me that the fire always tells you where it started. You just have to be patient enough to listen.</p></blockquote>
<p>[Hattie: transcript pages 4 to 9 still to go through. Photos from Jo on Thursday.]</p>
""",
        hero=Picture(
            title="Lucía Ferraro-Benn photographed for Metro",
            alt_text="A woman in silhouette by a window, amber light across the room",
            caption="Lucía Ferraro-Benn, director of Ashes of Cordova Street.",
            credit="PHOTO: Metro/Jo Park",
            scene="interview",
            palette="rust",
        ),
        bylines=by("hattie-marchbanks"),
        tags=("Ashes of Cordova Street", "Focus Features", "Directors"),
        people=("lucia-ferraro-benn", "benedikt-sorel"),
        films=("ashes-of-cordova-street",),
        status="draft",
    ),
]
