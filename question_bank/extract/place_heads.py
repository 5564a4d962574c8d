"""A place's head words: the geographic words that end a name ("Psel River", "Culp's Hill") or
begin it ("Lake Balaton", "Cape Evans", "Bay of Whales"), the launch sites' endings ("Kennedy Space
Center"), the lower-case words that make the name before them a place ("the Falaise pocket"), and
the place type each head word gives ("river", "mountain", "landmark")."""

from __future__ import annotations

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
})
HEADS_BEFORE = frozenset({
    "lake", "mount", "cape", "river", "fort", "port", "gulf", "isle", "hill", "height", "point", "bay", "sea",
    "strait", "straits", "monte", "mont", "complex", "pad",
})
# 'Bay of Whales', 'Gulf of Mexico', 'Isle of Wight': a head word joined to the name by 'of'
OF_HEADS = frozenset({"bay", "gulf", "sea", "isle", "strait", "straits", "cape", "lake", "sound", "bight", "firth"})
# the head of a launch site named after a person: 'Kennedy Space Center'
SITE_ENDINGS = (("space", "center"), ("space", "centre"), ("air", "base"), ("naval", "base"))
# a name followed by one of these ('the Falaise pocket', 'the Orel salient') is a place's name
LOWER_AFTER = frozenset({
    "pocket", "salient", "area", "region", "sector", "bridgehead", "valley", "river", "coast", "coastline",
    "district", "basin", "plain", "peninsula", "airfield", "garrison", "hills", "heights", "railway", "station",
    "formation", "crater", "highlands", "glacier", "massif", "plateau", "range", "lowlands", "isthmus", "archipelago",
    "lagoon", "estuary", "uplands",
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
    "bight": "bay", "firth": "bay", "gate": "landmark", "gates": "landmark",
}
