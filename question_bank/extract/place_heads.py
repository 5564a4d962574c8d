"""A place's head words: the geographic words that end a name ("Psel River", "Culp's Hill") or
begin it ("Lake Balaton", "Cape Evans", "Bay of Whales"), the launch sites' endings ("Kennedy Space
Center"), the lower-case words that make the name before them a place ("the Falaise pocket"), and
the place type each head word gives ("river", "mountain", "landmark")."""

from __future__ import annotations

# the named parts of a mountain: 'South Col', 'Lhotse Face', 'Khumbu Icefall', 'Hillary Step'
MOUNTAIN_PARTS = frozenset({"col", "face", "icefall", "step", "summit", "cwm", "couloir", "spur", "saddle",
                            "buttress", "arete", "arête", "headwall", "shoulder", "glacier", "serac", "bowl"})
# heads that are common in names of other things ('the Geneva Summit'): a place only with no known place before
WEAK_HEADS = frozenset({"summit", "step", "face", "shoulder", "bowl", "park", "column", "lane", "road",
                        "spur", "saddle", "memorial", "monument", "palace"})
# heads that are also common surnames: a first name before them makes a person ('Christopher Lane')
SURNAME_HEADS = frozenset({"lane", "park"})
HEADS_AFTER = frozenset({
    "river", "hill", "hills", "ridge", "island", "islands", "bay", "cove", "valley", "bridge", "square",
    "cemetery", "run", "creek", "forest", "wood", "woods", "pass", "gap", "heights", "mountains", "sea",
    "strait", "peninsula", "point", "top", "orchard", "den", "canal", "gulf", "coast", "plain", "plateau",
    "boulevard", "street", "lake", "marshes", "marsh", "bend", "fortress", "harbour", "harbor", "delta",
    "house", "farm", "redoubt", "works", "factory", "church", "castle", "tower", "mill", "château", "chateau",
    "cosmodrome", "spaceport", "ocean", "desert", "oblast", "province",
    # natural features and named sites with head words of their own
    "glacier", "shelf", "isthmus", "fjord", "reef", "atoll", "lagoon", "archipelago", "highlands", "uplands",
    "lowlands", "range", "volcano", "crater", "depot", "line", "falls", "canyon", "gorge", "channel", "sound",
    "massif", "steppe", "basin", "pole", "gate", "gates",
    # named parts of a mountain, faults, streets, buildings and monuments
    *MOUNTAIN_PARTS, "fault", "avenue", "road", "lane", "park", "cathedral", "abbey", "basilica", "chapel",
    "palace", "column", "monument", "memorial", "gallery", "monastery", "camp", "banks", "building", "hotel",
    "passage", "arcade", "alley", "barracks", "embankment", "prairie", "meadow", "meadows", "heath", "moor",
    "world", "trail", "territory",  # a theme park ('Sea World'), a route, a territory
})
HEADS_BEFORE = frozenset({
    "lake", "mount", "cape", "river", "fort", "port", "gulf", "isle", "hill", "height", "point", "bay", "sea",
    "strait", "straits", "monte", "mont", "mt", "ft", "st", "ste", "camp", "complex", "pad", "pier", "dock", "berth", "wharf", "quay",
})
# 'Bay of Whales', 'Gulf of Mexico', 'Isle of Wight': a head word joined to the name by 'of'
OF_HEADS = frozenset({"bay", "gulf", "sea", "isle", "strait", "straits", "cape", "lake", "sound", "bight", "firth",
                      "tower"})  # ('Tower of London')
# the head of a launch site named after a person: 'Kennedy Space Center'
SITE_ENDINGS = (("space", "center"), ("space", "centre"), ("air", "base"), ("naval", "base"))
# a name followed by one of these ('the Falaise pocket', 'the Orel salient') is a place's name
LOWER_AFTER = frozenset({
    "pocket", "salient", "area", "region", "sector", "bridgehead", "valley", "river", "coast", "coastline",
    "district", "basin", "plain", "peninsula", "airfield", "garrison", "hills", "heights", "railway", "station",
    "formation", "crater", "highlands", "glacier", "massif", "plateau", "range", "lowlands", "isthmus", "archipelago",
    "lagoon", "estuary", "uplands",
    # an event named after where it happened: 'the Chernobyl disaster', 'the Fukushima accident'
    "accident", "disaster", "earthquake", "eruption", "flood", "famine", "massacre",
})
PLACE_TYPES = {
    "river": "river", "creek": "river", "run": "river", "canal": "river", "delta": "river",
    "hill": "mountain", "hills": "mountain", "ridge": "mountain", "mount": "mountain", "mountains": "mountain",
    "heights": "mountain", "top": "mountain", "pass": "mountain", "gap": "mountain",
    "island": "island", "islands": "island", "isle": "island", "peninsula": "peninsula", "valley": "region",
    "forest": "region", "wood": "region", "woods": "region", "plain": "region", "plateau": "region",
    "marshes": "region", "marsh": "region", "coast": "region", "bay": "bay", "cove": "bay",
    "gulf": "gulf", "sea": "sea", "strait": "strait", "lake": "lake", "cape": "cape", "point": "cape",
    "bend": "region", "cosmodrome": "launch site", "spaceport": "launch site", "ocean": "ocean",
    "desert": "desert", "oblast": "region", "province": "region",
    "bridge": "landmark", "square": "landmark", "cemetery": "landmark", "orchard": "landmark", "den": "landmark",
    "boulevard": "landmark", "street": "landmark", "fortress": "landmark", "fort": "landmark",
    "harbour": "landmark", "harbor": "landmark", "port": "town", "house": "landmark", "farm": "landmark",
    "redoubt": "landmark", "works": "landmark", "factory": "landmark", "church": "landmark", "castle": "landmark",
    "tower": "landmark", "mill": "landmark", "château": "landmark", "chateau": "landmark",
    "glacier": "glacier", "shelf": "ice shelf", "isthmus": "region", "fjord": "bay", "reef": "island",
    "atoll": "island", "lagoon": "lake", "archipelago": "island", "highlands": "region", "uplands": "region",
    "lowlands": "region", "range": "mountain", "volcano": "mountain", "crater": "region", "depot": "landmark",
    "line": "landmark", "falls": "river", "canyon": "region", "gorge": "region", "channel": "strait",
    "sound": "strait", "massif": "mountain", "steppe": "region", "basin": "region", "pole": "region",
    "straits": "strait", "monte": "mountain", "mont": "mountain", "complex": "launch site", "pad": "launch site",
    "bight": "bay", "firth": "bay", "gate": "landmark", "gates": "landmark", "fault": "region",
    **{part: "mountain" for part in MOUNTAIN_PARTS if part != "glacier"},
    **{word: "landmark" for word in ("avenue", "road", "lane", "park", "cathedral", "abbey", "basilica", "chapel",
                                     "palace", "column", "monument", "memorial", "gallery", "monastery", "camp",
                                     "building", "hotel", "passage", "arcade", "alley", "barracks", "embankment")},
    **dict.fromkeys(("prairie", "meadow", "meadows", "heath", "moor"), "region"),
    "banks": "region",
}
# first words of places' names in Spanish, Portuguese and Italian ('San Francisco', 'Los Alamos',
# 'Rio de Janeiro', 'El Alamein'): a capitalised name after one of them is a place, never a person
FOREIGN_PREFIXES = frozenset({"san", "santa", "santo", "são", "sao", "los", "las", "rio", "río", "puerto", "porto",
                              "el", "ciudad", "villa", "vila", "castel", "borgo"})
# compass words that, capitalised before a place's name, are part of it ('West Berlin', 'East Germany')
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                           "upper", "lower", "north-east", "north-west", "south-east", "south-west"})
# 'the monastery of Tengboche', 'the coast of Dalmatia': nouns whose 'of' is followed by a place
OF_NOUNS = frozenset({
    "town", "city", "village", "river", "rivers", "region", "area", "port", "island", "outskirts", "fall",
    "siege", "battle", "defenders", "defence", "defense", "defences", "defenses", "streets", "front", "capture",
    "liberation", "gates", "suburbs", "centre", "center", "heart", "north", "south", "east", "west", "north-east",
    "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest", "slopes",
    "bank", "banks", "valley", "mountains", "province", "garrison", "ruins", "walls", "environs", "vicinity",
    "bend", "mouth", "crossing", "crossings", "course", "estuary", "line", "edge",
    "monastery", "abbey", "coast", "shores", "county", "district", "kingdom", "colony", "harbour", "harbor",
    "fortress", "citadel", "castle", "foot", "peak", "summit", "islands", "state", "capital", "inhabitants",
    "tip", "shore", "workers", "citizens", "residents", "townspeople", "population", "mayor", "fields",
})
PLACE_TYPES.update(dict.fromkeys(FOREIGN_PREFIXES, "town"))
PLACE_TYPES.update(dict.fromkeys(("pier", "dock", "berth", "wharf", "quay"), "landmark"))
MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
# words that are no place's nor part of one ('Col' is, as the head of 'South Col', unless it starts a name)
NOT_PLACE = frozenset(
    "general colonel major captain lieutenant lt gen marshal field president king queen prince princess "
    "emperor admiral commander chief sir lord pope tsar premier prime minister mr mrs dr doctor "
    "army armies corps division divisions brigade brigades regiment regiments battalion battalions front group "
    "fleet flotilla command guards panzer operation operations battle siege war offensive campaign treaty "
    "conference address medal parade order day axis allied allies party government republic empire i "
    "headquarters staff forces troops navy air".split()
)
PLACE_PREPOSITIONS = frozenset({
    "in", "at", "near", "to", "from", "toward", "towards", "into", "through", "across", "around", "outside",
    "beyond", "via", "along", "past", "behind", "inside", "within", "onto", "over", "on", "nearer",
    "reached", "reaching", "reach", "entered", "entering", "took", "taking", "captured", "capturing",
    "seized", "liberated", "liberating", "occupied", "recaptured", "besieged", "encircled", "evacuated",
    "abandoned", "bombed", "crossed", "crossing", "stormed", "bypassed", "surrounded", "retook", "retaken",
    "regained", "shelled", "held", "holding", "defended", "approached", "approaching",
})
WEAK_PREPOSITIONS = frozenset({"on", "over", "off"})  # 'sank off Kea'
ARABIC_ARTICLES = frozenset({"el", "al", "ad", "ash", "as", "at", "az", "ar", "an", "en", "ed", "es", "ech"})  # el-Arish
TITLE_WORDS = frozenset({"king", "queen", "prince", "princess", "emperor", "empress", "general", "admiral", "president",
                         "lord", "sir", "pope", "tsar", "marshal", "captain", "commander", "colonel"})
# 'the volcano Anak Krakatau', 'the river Somme': a place's type in lower case right before its name
TYPE_BEFORE = frozenset({"volcano", "river", "mountain", "peak", "island", "islet", "atoll", "town", "city", "village",
                         "hamlet", "port", "lake", "glacier", "fortress", "valley", "canal", "strait", "province",
                         "district", "suburb", "oasis", "plateau", "peninsula", "bay", "fjord"})
# heads of a square's, a street's or a building's name: a word that names no place alone may stand
# before them ('Republic Square', 'Battle Abbey', 'Parade Street')
LANDMARK_HEADS = frozenset(head for head, kind in PLACE_TYPES.items() if kind == "landmark") - {"line", "depot", "camp"}
ABSTRACT_NAMES = frozenset({"republic", "battle", "parade", "order", "party", "conference", "treaty", "war", "address",
                            "government", "allied", "allies", "liberty", "victory", "king", "queen", "prince",
                            "princess", "emperor", "president"})
# words that, right after a name, end it as a name of its own ('Merak and the Ouse with …')
FUNCTION_AFTER = frozenset(
    "and or on in at to by with which was were who that throughout while until after before from for as but "
    "where when during the a an had".split()
)
# events, meetings and works named after the one place they happened in ('the Suez Crisis', 'the
# Yalta Conference', 'the Gettysburg Address', 'the Bayeux Tapestry'); never after a person's name
NAMED_AFTER_PLACES = frozenset({"crisis", "disaster", "earthquake", "eruption", "flood", "fire", "famine", "massacre",
                                "conference", "agreement", "accords", "address", "tapestry", "incident", "purchase"})
