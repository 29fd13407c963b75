"""Natural human English in several news and press styles, written for the back-translation
tests (not taken from any seed, not machine-translated). Each paragraph keeps features a naive
detector would mistake for translationese: "he said" attributions after quotations, participial
openers ("Speaking alongside him, …", "Welcoming the announcement, …", "Noting that …"), a
"came to an end", long sentences with several commas, a Q&A with many sentences opening "And"/"But".
"""

from __future__ import annotations

WIRE_REPORT = """\
BRUSSELS (Reuters) - NATO foreign ministers agreed on Tuesday to send more air-defence systems to Ukraine, but stopped short of setting a date for Kyiv's membership, diplomats said. "We are not going to leave Ukraine to face this winter alone," Secretary General Jens Stoltenberg told reporters after the first day of talks. "Every system we deliver saves lives." Speaking alongside him, Romania's foreign minister said Bucharest would host a training centre for Ukrainian pilots next year. Asked whether the alliance was ready to offer Kyiv a timetable, Stoltenberg said the door remained open but that the immediate priority was to keep Ukraine in the fight. "Membership is a decision for the 31 allies and for Ukraine," he said. One diplomat, who asked not to be named because the discussions were private, said several eastern members had pushed for firmer language and lost. Ministers will also discuss China's growing military ties with Russia on Wednesday, officials said."""

PRESS_RELEASE = """\
The Department for Transport today announced £120 million of new funding to help councils repair potholes and resurface local roads before the winter. The money, which will be allocated according to the length of each council's road network, comes on top of the £5.5 billion already committed for highways maintenance in this Parliament. Transport Secretary Jane Holloway said: "Every driver, cyclist and bus passenger deserves roads that are safe and well kept. This funding will let councils get on with the job, and we will be publishing each council's progress so residents can see where the money goes." Councils will be required to publish a report by 30 June setting out how the funding has been spent, including the number of potholes filled and the length of road resurfaced. Welcoming the announcement, the chair of the Local Government Association's transport board said the funding would make a real difference but warned that many authorities faced a backlog of repairs that would take years to clear. Further details, including allocations for each authority, are available on GOV.UK."""

OP_ED = """\
There is a comfortable story that Western capitals like to tell about sanctions: that they work slowly but surely, and that patience is the only virtue required. I am not so sure. Two years into the most ambitious sanctions regime ever assembled, Russia's economy has bent rather than broken, and its oil still reaches markets through a shadow fleet that nobody seems able to count, let alone stop. None of this means sanctions are pointless. It means they are a tool, not a strategy, and tools need someone to use them with some imagination. If we want them to bite, we have to be willing to go after the traders, insurers and ports that make evasion profitable, including those in friendly countries. That will be awkward. It will annoy allies and cost us money. But the alternative is to keep announcing new packages that look impressive in a press release and change very little on the ground. Voters are not fools; they can tell the difference between a policy and a performance. So can the Kremlin."""

QA_TRANSCRIPT = """\
Q: Secretary General, can you say whether any ally has blocked the decision on air defence?
A: No, I wouldn't put it that way. We had a good discussion, a frank discussion, and there are different views on timing. And that's normal in an alliance of thirty-one democracies.
Q: But is the decision delayed?
A: The decision has been taken. And what we are discussing now is how fast we can deliver, and that depends on production, on stocks, and on training. Let me be very clear: the support will continue.
Q: And on China, do you see it as a threat?
A: We don't see China as an adversary. But we see that China's behaviour has consequences for our security, and we have to take that seriously. And we will continue to engage with China. I think that's the right approach.
Q: A last question on Sweden.
A: Well, I'm confident that Sweden will become a member. I can't give you a date. But I'm confident.
Thank you."""

FEATURE_STORY = """\
At six in the morning the harbour at Constanța is already loud with gulls and forklifts. Mihai Popescu, who has worked the grain terminal for twenty-two years, walks the length of the quay before his shift, checking the moorings the way other men check the weather. Since the war began across the water, traffic here has nearly doubled, and the port that once felt half-asleep now runs around the clock. "You stop noticing the ships," he said, pouring coffee from a thermos into a plastic cup. "You notice when they don't come." Standing at the end of the pier, he points to a tanker waiting offshore, one of dozens anchored in a line that stretches to the horizon. Some carry Ukrainian wheat bound for Egypt and Indonesia; others bring fuel north. The money has been good, he admits, but the work has changed. Drones have fallen on Romanian soil more than once, and the younger dockers talk about it more than they let on. Popescu shrugs. His father loaded ships here under Ceaușescu, he said, and nothing that happens now will surprise him."""

COURT_REPORT = """\
A three-week trial came to an end on Friday when a jury at Southwark Crown Court found a former bank trader guilty of fraud. Prosecutors said Daniel Marsh, 41, had hidden losses of more than £30 million by booking fictitious trades between 2017 and 2019. Marsh, who denied the charges, showed no emotion as the verdicts were read. Sentencing him to six years in prison, Judge Alison Grey said the offences had been "deliberate, sustained and motivated by greed". Noting that Marsh had no previous convictions and had cared for his elderly mother, she said she had reduced the term she would otherwise have imposed. Outside court, his solicitor said Marsh was considering an appeal. "He has always maintained that he acted on instructions," she said. "We will be studying the judgment carefully." The Serious Fraud Office said the case showed that individuals, not just institutions, would be held to account. The bank, which was not charged, said it had since overhauled its controls."""

SCIENCE_NEWS = """\
Researchers at the University of Leeds have found that wildflower strips planted along the edges of wheat fields can halve the number of aphids reaching the crop, reducing the need for insecticide sprays. The three-year study, published on Monday in the Journal of Applied Ecology, compared 40 farms in Yorkshire and Lincolnshire, half of which had sown strips of native flowers such as knapweed, yarrow and oxeye daisy. "We expected some effect, but not one this large," said Dr Priya Natarajan, who led the work. "The strips are full of hoverflies and parasitic wasps, and those insects go looking for aphids as soon as the wheat comes up." Farmers taking part were paid a small fee to cover the land they gave up. Several said they would keep the strips after the study ended, although one warned that the flowers were hard to establish on heavy clay. The team now plans to test whether the same approach works for oilseed rape."""

NATURAL_ENGLISH: list[str] = [
    WIRE_REPORT,
    PRESS_RELEASE,
    OP_ED,
    QA_TRANSCRIPT,
    FEATURE_STORY,
    COURT_REPORT,
    SCIENCE_NEWS,
]
