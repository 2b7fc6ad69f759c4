/** Messages of the clock check (node/clock-check.ts, Settings, the added-account help, the CLI). */
export const en = {
  'clock.badUrl': '“{url}” is not a web address. Give one like https://nse-portal.crowdtech.com/.',
  'clock.httpsOnly': '“{url}” is not a secure (https://) address. Tweestap only checks the clock against https:// addresses.',
  'clock.offline': '{host} could not be reached. Check the internet connection and the address, then try again. Nothing was changed.',
  'clock.noDate': '{host} answered without a usable time (no Date header). Try another site, for example https://nse-portal.crowdtech.com/. Nothing was changed.',
  'clock.ahead': 'This computer’s clock is {seconds} seconds ahead of {host}.',
  'clock.behind': 'This computer’s clock is {seconds} seconds behind {host}.',
  'clock.onTime': 'This computer’s clock agrees with {host} (within {seconds} seconds). Codes are not affected.',
  'cli.clock.offset': 'Offset: {offset} ms ({samples} samples from {url}). Positive: this computer is behind.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'clock.badUrl': '“{url}” is geen webadres. Geef er een zoals https://nse-portal.crowdtech.com/.',
  'clock.httpsOnly': '“{url}” is geen beveiligd adres (https://). Tweestap controleert de klok alleen met https://-adressen.',
  'clock.offline': '{host} is niet bereikbaar. Controleer de internetverbinding en het adres en probeer het opnieuw. Er is niets veranderd.',
  'clock.noDate': '{host} gaf geen bruikbare tijd terug (geen Date-header). Probeer een andere site, bijvoorbeeld https://nse-portal.crowdtech.com/. Er is niets veranderd.',
  'clock.ahead': 'De klok van deze computer loopt {seconds} seconden voor op {host}.',
  'clock.behind': 'De klok van deze computer loopt {seconds} seconden achter op {host}.',
  'clock.onTime': 'De klok van deze computer klopt met {host} (op {seconds} seconden na). De codes hebben er geen last van.',
  'cli.clock.offset': 'Verschil: {offset} ms ({samples} metingen bij {url}). Positief: deze computer loopt achter.',
};
