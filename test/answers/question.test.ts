import { describe, expect, it } from 'vitest';
import { questionKind } from '../../src/answers/question.js';

describe('question kinds', () => {
  it.each([
    ['Qui a annoncé la visite ?', 'who'],
    ['Who announced it?', 'who'],
    ['Quand le train a-t-il repris ?', 'when'],
    ['En quelle année a été signé le traité ?', 'when'],
    ['Combien de sapeurs seront envoyés ?', 'howmany'],
    ['Quelle distance parcourt le train ?', 'howmany'],
    ['How many workers?', 'howmany'],
    ['Où se trouve Koursk ?', 'where'],
    ['Dans quelle ville a eu lieu la rencontre ?', 'where'],
    ['Le train ou l’avion ?', 'other'],
    ['Pourquoi cette visite ?', 'other'],
    ["Qu'est-ce qui explique la richesse de l'artisanat ?", 'other'],
    ['À quelle vitesse court le guépard quand il chasse ?', 'howmany'],
    ['Qui était présent quand le traité fut signé ?', 'who'],
    ['Quand la famille où il est né arriva-t-elle ?', 'when'],
    ['How much will the works cost?', 'howmany'],
    ['How far does the train travel?', 'howmany'],
    ['Who did Shoigu meet?', 'who'],
    ['Which minister visited Pyongyang?', 'who'],
    ['When was the mutual defence agreement signed?', 'when'],
    ['In what year was the treaty signed?', 'when'],
    ['Where will the museum be built?', 'where'],
    ['Which country supplies weapons?', 'where'],
    ['What did South Korea say about the workers?', 'other'],
  ] as const)('reads "%s" as a %s question', (question, kind) => {
    expect(questionKind(question)).toBe(kind);
  });
});
