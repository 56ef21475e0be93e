/**
 * Irregular inflections the Porter2 stemmer cannot join to their base ("said" stays "said"). Derived
 * words it cannot join ("detention" → "detent", "detainee") are WordNet's derivation links' job, in the
 * question's expansion (`answer/synonyms.ts`). Keys and values are lower-case words before stemming.
 */
const IRREGULAR =
  `said:say says:say told:tell made:make began:begin begun:begin found:find held:hold led:lead left:leave
  built:build bought:buy brought:bring caught:catch chose:choose chosen:choose fought:fight gave:give given:give
  went:go gone:go grew:grow grown:grow knew:know known:know lost:lose met:meet paid:pay ran:run saw:see seen:see
  sent:send sold:sell spent:spend stood:stand taught:teach thought:think took:take taken:take won:win wrote:write
  written:write became:become came:come fell:fall fallen:fall rose:rise risen:rise drove:drive driven:drive
  broke:break broken:break spoke:speak spoken:speak kept:keep felt:feel heard:hear meant:mean sought:seek
  struck:strike forbade:forbid forbidden:forbid wore:wear worn:wear ate:eat eaten:eat drew:draw drawn:draw
  flew:fly flown:fly threw:throw thrown:throw hid:hide hidden:hide shot:shoot fed:feed fled:flee bore:bear
  borne:bear dealt:deal lay:lie lain:lie laid:lay sank:sink sunk:sink swore:swear sworn:swear
  children:child men:man women:woman people:person feet:foot teeth:tooth mice:mouse
  better:good best:good worse:bad worst:bad larger:large largest:large bigger:big biggest:big`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]);

export const LEMMAS: ReadonlyMap<string, string> = new Map(IRREGULAR);
