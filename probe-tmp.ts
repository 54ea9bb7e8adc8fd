import { findDates } from './src/text/dates.ts';
import { readFileSync } from 'node:fs';
for (const f of ['/work/shared/seeds/000_6bad74319bc0afbf.txt','/work/shared/seeds/002_834d2982ec98fa8b.txt']) {
  const t = readFileSync(f,'utf8').split('Raconter')[0]!;
  for (const para of t.split(/\n\s*\n/)) for (const m of findDates(para, '2025-06-17')) console.log(JSON.stringify(m), para.slice(m.start,m.end)===m.text);
  console.log('----');
}
const pub='2025-06-17';
for (const s of ["l'an prochain","en novembre","en juin prochain","en juin dernier","au printemps","l'été dernier","cet été","cet hiver","l'hiver 2024-2025","il a été élu","mi-juin","à la fin du mois d'août","fin 2024","au début de l'année 2024","plus de 2000 soldats","de 2020 à 2024","le mois de mars","Mars est une planète","cette semaine","il y a deux semaines","vendredi","samedi dernier","avant-hier","hier","aujourd'hui","la veille du 17 juin","pendant plusieurs semaines","en moins de quinze jours","huit jours","dès 2019","jusqu'en 2030","d'ici 2030","le mois suivant","en septembre, les troupes arriveront","17/06/2025","le 1er mai 2024","en 1.000 exemplaires","cette année","l'année suivante"])
  console.log(JSON.stringify(s), JSON.stringify(findDates(s,pub).map(m=>[m.text,m.iso,m.precision,m.sortKey,m.part,m.relative])));
