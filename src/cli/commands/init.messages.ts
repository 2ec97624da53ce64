import { defineMessages } from '../../core/messages.js';

export const h = defineMessages('cli.init', {
  dir: { zh: '文件夹（不存在时创建）', en: 'the folder (created if needed)' },
  force: { zh: '起步文件已存在时覆盖', en: 'overwrite the starter files if they exist' },
  after: {
    zh: `
写出 drill.yaml（带注释，逐项说明）、standard.yaml（内置的 national-mock 测评体系，可修改）和
roster.csv（五个社区的 1,800 户合成户）。先运行演练，再换上自己的户册、测评体系，并删去合成数据一节。

示例：
  hhsurvey init my-drill
  hhsurvey drill my-drill/drill.yaml --out my-drill/out`,
    en: `
Writes drill.yaml (commented: every field explained), standard.yaml (the built-in national-mock
standard, to edit) and roster.csv (1,800 synthetic households in five communities). Then run the
drill, and replace the roster, the standard and the synthetic section with your own.

Examples:
  hhsurvey init my-drill
  hhsurvey drill my-drill/drill.yaml --out my-drill/out`,
  },
});

/** What init says. */
export const im = defineMessages('cli.init.run', {
  notFolder: {
    zh: (p: { dir: string }) => `${p.dir}：不是文件夹`,
    en: (p: { dir: string }) => `${p.dir}: not a folder`,
  },
  clash: {
    zh: (p: { files: string[] }) => `${p.files.join('、')}：已存在；要覆盖请加 --force，或换一个文件夹`,
    en: (p: { files: string[] }) =>
      `${p.files.join(', ')}: already there; use --force to overwrite, or another folder`,
  },
  wrote: {
    zh: (p: { files: string[]; drill: string; out: string }) =>
      `已写入 ${p.files.join('、')}\n下一步：hhsurvey drill ${p.drill} --out ${p.out}`,
    en: (p: { files: string[]; drill: string; out: string }) =>
      `wrote ${p.files.join(', ')}\nnext: hhsurvey drill ${p.drill} --out ${p.out}`,
  },
});
