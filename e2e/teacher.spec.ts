import type { Page } from '@playwright/test';
import { expect, test, watchConsole } from './fixtures';
import { enterBackwardMode, gradOf, loadPreset } from './helpers/backward';
import { allEdges, allNodes, dataOf, nodeByLabel, openPlayground, toast, typeValue } from './helpers/canvas';
import { shotPath } from './helpers/shots';

/**
 * Teacher links and predict-the-gradient, used as a teacher and a student would: the teacher
 * makes a challenge from the sandbox graph, a student opens the link in another tab of the same
 * browser (so there is saved work to keep), solves it and shares the solved state back, and the
 * teacher opens that and sees it solved. A changed link is refused and touches nothing.
 */

const SHOTS = 'teacher';
const PROGRESS_KEY = 'micrograd-playground/levels/progress';

function stored(page: Page, key: string): Promise<string | null> {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

/** A leaf's value in the autosave, as the next tab will read it. */
function savedValue(page: Page, label: string): Promise<number | null> {
  return page.evaluate((name) => {
    const text = localStorage.getItem('micrograd-playground/autosave');
    const json = text ? (JSON.parse(text) as { file?: { nodes?: { label?: string; value?: number }[] } }) : null;
    const node = json?.file?.nodes?.find((n) => n.label === name);
    return typeof node?.value === 'number' ? node.value : null;
  }, label);
}

/** Opens a page of the same browser (same storage) on a link, watching its console too. */
async function openTab(page: Page, url: string): Promise<{ tab: Page; problems: string[] }> {
  const tab = await page.context().newPage();
  const problems = watchConsole(tab);
  await tab.goto(url);
  return { tab, problems };
}

test.describe('teacher links', () => {
  // Three tabs of the app, one after another, on a busy two-core machine.
  test.slow();

  test('a teacher makes a challenge, a student solves it and shares back, the teacher sees it solved; a changed link is refused', async ({ page }) => {
    await openPlayground(page);
    // Some level progress (the teacher's unlock-all) that no link may touch.
    await page.getByTestId('open-levels').click();
    await page.getByTestId('unlock-all').check();
    await page.getByTestId('level-map').getByRole('button', { name: 'Close' }).click();
    const progress = await stored(page, PROGRESS_KEY);
    expect(progress).toContain('"unlockAll": true');

    // The teacher's sandbox work: a = 5, so L = (5·−3 + 10)·−2 = 10.
    await typeValue(page, nodeByLabel(page, 'a'), '5');
    await expect.poll(() => dataOf(nodeByLabel(page, 'L'))).toBe(10);
    await expect.poll(() => savedValue(page, 'a'), { message: 'the autosave holds a = 5' }).toBe(5);

    // Make a challenge: make L equal 0 within 7 nodes. A budget of 3 is refused first.
    await page.getByTestId('open-make-challenge').click();
    const dialog = page.getByTestId('make-challenge');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('challenge-title').fill('Make L zero');
    await dialog.getByTestId('goal-output-value').fill('0');
    await dialog.getByTestId('goal-budget').check();
    await dialog.getByTestId('challenge-budget').fill('3');
    await dialog.getByTestId('make-challenge-link').click();
    await expect(dialog.getByTestId('challenge-refused')).toContainText('A budget of 3 nodes is impossible: the goal graph on the canvas has 7 nodes');
    await expect(dialog.getByTestId('challenge-link')).toHaveCount(0);
    await dialog.getByTestId('challenge-budget').fill('7');
    await dialog.getByTestId('make-challenge-link').click();
    const link = await dialog.getByTestId('challenge-link').inputValue();
    expect(link).toMatch(/#c=[A-Za-z0-9_-]+$/);
    await dialog.getByTestId('challenge-link').scrollIntoViewIfNeeded();
    await dialog.screenshot({ path: shotPath(SHOTS, `challenge-dialog.png`) });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.close();

    // The student opens the link in another tab of the same browser.
    const student = await openTab(page, link);
    const strip = student.tab.getByTestId('goal-strip');
    await expect(strip).toContainText('Challenge');
    await expect(strip).toContainText('Make L zero');
    await expect(strip.getByTestId('budget')).toHaveText('Nodes 7 / 7');
    await expect(student.tab.getByTestId('toast')).toContainText('Your sandbox graph is put aside');
    // The header hides what the teacher hid.
    await expect(student.tab.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Train' })).toHaveCount(0);
    await expect(student.tab.getByTestId('examples-menu')).toHaveCount(0);
    // The teacher's graph as it was shared: L = 10; the student sets c = 15 to make L = 0.
    await expect.poll(() => dataOf(nodeByLabel(student.tab, 'L'))).toBe(10);
    await expect(allEdges(student.tab)).toHaveCount(6);
    await student.tab.screenshot({ path: shotPath(SHOTS, `student-view.png`) });
    await typeValue(student.tab, nodeByLabel(student.tab, 'c'), '15');
    const solved = student.tab.getByTestId('level-solved');
    await expect(solved).toBeVisible();
    await expect(solved.getByTestId('stars')).toHaveAttribute('data-stars', '3');
    await solved.getByTestId('share-back').click();
    const answerLink = await solved.getByTestId('share-back-link').inputValue();
    expect(answerLink).toMatch(/#c=[A-Za-z0-9_-]+$/);
    await student.tab.screenshot({ path: shotPath(SHOTS, `student-solved.png`) });
    // Their saved work was put aside, not replaced: the sandbox comes back as the teacher left it.
    await student.tab.getByTestId('back-to-sandbox').click();
    await expect(strip).toBeHidden();
    await expect.poll(() => dataOf(nodeByLabel(student.tab, 'a'))).toBe(5);
    await expect.poll(() => dataOf(nodeByLabel(student.tab, 'L'))).toBe(10);
    expect(await stored(student.tab, PROGRESS_KEY)).toBe(progress);
    await student.tab.close();
    expect(student.problems).toEqual([]);

    // The teacher opens the shared-back answer: solved, by the checks run again here.
    const teacher = await openTab(student.tab, answerLink);
    const teacherStrip = teacher.tab.getByTestId('goal-strip');
    await expect(teacherStrip.getByTestId('shared-answer-note')).toHaveText('A student’s answer, checked again here: it solves the challenge.');
    await expect(teacher.tab.getByTestId('level-solved')).toBeVisible();
    // The teacher's browser knows this challenge: the answer is to the very goal they set.
    await expect(teacherStrip.getByTestId('answer-origin')).toContainText('The challenge you made here on');
    await expect(teacherStrip.getByTestId('check-output-value')).toHaveAttribute('data-passed', 'true');
    await expect(teacher.tab.getByTestId('toast')).toContainText('solved, 3 ★ (checked again here');
    await expect.poll(() => dataOf(nodeByLabel(teacher.tab, 'c'))).toBe(15);
    await teacher.tab.screenshot({ path: shotPath(SHOTS, `teacher-sees-solved.png`) });
    await teacher.tab.getByTestId('back-to-sandbox').click();
    await expect.poll(() => dataOf(nodeByLabel(teacher.tab, 'L'))).toBe(10);

    // A link changed in transit is refused with the reason; the graph and progress stay.
    const payload = answerLink.split('#c=')[1]!;
    const at = Math.floor(payload.length / 2);
    const tampered = `${answerLink.split('#c=')[0]}#c=${payload.slice(0, at)}${payload[at] === 'A' ? 'B' : 'A'}${payload.slice(at + 1)}`;
    await teacher.tab.goto(tampered);
    await expect(toast(teacher.tab)).toContainText('This challenge link could not be opened');
    await expect(toast(teacher.tab)).toContainText('Your graph and your level progress are unchanged.');
    await expect(teacher.tab.getByTestId('goal-strip')).toHaveCount(0);
    await expect(allNodes(teacher.tab)).toHaveCount(7);
    await expect.poll(() => dataOf(nodeByLabel(teacher.tab, 'L'))).toBe(10);
    expect(await stored(teacher.tab, PROGRESS_KEY)).toBe(progress);
    await teacher.tab.close();
    expect(teacher.problems).toEqual([]);
  });
});

test.describe('predict the gradient in the sandbox', () => {
  test('on d = a·b + c, Backward asks each node before it lands; one wrong guess shows the chain rule, the rest score exact', async ({ page }) => {
    await openPlayground(page);
    await loadPreset(page, 'd-equals-ab-plus-c', 5);
    await enterBackwardMode(page);
    const panel = page.getByTestId('predict-panel');
    await panel.getByTestId('predict-toggle').check();
    // The grads micrograd computes: d = e + c passes 1 to e and c; e = a·b sends b = −3 to a and a = 2 to b.
    const right: Record<string, string> = { d: '1', c: '1', e: '1', b: '2', a: '-3' };
    const asked: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const question = panel.locator('label[for="predict-guess"]');
      await expect(question).toContainText(`Step ${i} of 5:`);
      const name = /: (\w+)\.grad =/.exec((await question.textContent()) ?? '')?.[1];
      if (!name) throw new Error('no node asked');
      asked.push(name);
      // Asked before its pulse lands: the card still shows grad 0.
      expect(await gradOf(page, name)).toBe(0);
      const guess = name === 'b' ? '5' : right[name]!;
      await panel.getByTestId('predict-guess').fill(guess);
      await panel.getByTestId('predict-check').click();
      const feedback = panel.getByTestId('predict-feedback');
      if (name === 'b') {
        await expect(feedback).toHaveAttribute('data-verdict', 'wrong');
        await expect(feedback).toContainText('You said b.grad = 5.0; it is 2.0.');
        await expect(feedback.getByTestId('predict-equation')).toHaveText('dd/db = dd/de * de/db = 1.0 * 2.0 = 2.0');
        await expect(feedback).toContainText('de/db = a = 2.0');
        await page.screenshot({ path: shotPath(SHOTS, `predict-wrong.png`) });
      } else {
        await expect(feedback).toHaveAttribute('data-verdict', 'exact');
      }
      // Then the node's pulse lands and its card shows the real grad.
      await expect.poll(() => gradOf(page, name)).toBe(Number(right[name]));
    }
    expect(asked).toEqual(['d', 'c', 'e', 'b', 'a']);
    await expect(panel.getByTestId('predict-pass-done')).toBeVisible();
    await expect(panel.getByTestId('predict-score')).toHaveText('This graph: 4 exact · 0 close · 1 wrong (8 of 10 points)');
    await page.screenshot({ path: shotPath(SHOTS, `predict-done.png`) });
  });
});
